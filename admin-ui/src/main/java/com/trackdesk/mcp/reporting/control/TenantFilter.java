package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.TenantLabels;
import com.trackdesk.mcp.metrics.control.TenantSalt;
import com.trackdesk.mcp.metrics.entity.MetricsOptions;
import com.trackdesk.mcp.metrics.entity.TenantMode;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The stored labels a tenant filter matches. The admin may type a label seen on the tenants page, or a
 * tenant's name: that is hashed with the stored salt, so hashed tenants stay findable by name without the
 * database ever holding the name. Both forms are matched, so rows from before a change of tenant mode
 * are found too.
 */
public final class TenantFilter {

    private TenantFilter() {
    }

    public static Optional<Set<String>> labels(EntityManager em, MetricsOptions options, Optional<String> tenant) {
        return tenant.map(String::trim).filter(name -> !name.isEmpty()).map(name -> {
            Set<String> labels = new LinkedHashSet<>();
            labels.add(name);
            TenantSalt.find(em, options.tenantSalt())
                    .ifPresent(salt -> labels.add(new TenantLabels(TenantMode.HASHED, salt).hashedLabelOf(name)));
            return labels;
        });
    }
}
