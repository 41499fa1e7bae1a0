package com.trackdesk.mcp.usage.control;

import com.trackdesk.mcp.catalog.entity.CatalogInfo;
import com.trackdesk.mcp.catalog.entity.CatalogLoaded;
import com.trackdesk.mcp.metrics.boundary.CallRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Tells the admin console which API description this instance serves, each time a catalog is
 * loaded (startup, reload, scheduled refresh): the console's configuration page shows it.
 */
@ApplicationScoped
public class CatalogLoadRecorder {

    @Inject
    CallRecorder recorder;

    void loaded(@Observes CatalogLoaded event) {
        CatalogInfo info = event.catalog().info();
        recorder.recordCatalogLoad(info.source() + (info.fallback() ? " (fallback)" : ""), info.operationCount());
    }
}
