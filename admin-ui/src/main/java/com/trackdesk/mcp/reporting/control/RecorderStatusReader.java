package com.trackdesk.mcp.reporting.control;

import com.trackdesk.mcp.metrics.control.RecorderStatus;
import com.trackdesk.mcp.reporting.entity.RecordingHealth.RecorderView;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the live counters of the recorders in this JVM over JMX (see the recorder's status MBean). Works
 * when the metrics database does not, which is when the counters matter most.
 */
public final class RecorderStatusReader {

    private static final Logger LOG = Logger.getLogger(RecorderStatusReader.class.getName());

    private RecorderStatusReader() {
    }

    public static List<RecorderView> recorders() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<RecorderView> views = new ArrayList<>();
        try {
            for (ObjectName name : server.queryNames(new ObjectName(RecorderStatus.DOMAIN + ":type=CallRecorder,*"), null)) {
                long lastWrite = (Long) server.getAttribute(name, "LastWriteMillis");
                views.add(new RecorderView(
                        (Long) server.getAttribute(name, "AcceptedCalls"),
                        (Long) server.getAttribute(name, "WrittenCalls"),
                        (Long) server.getAttribute(name, "LostCalls"),
                        (Integer) server.getAttribute(name, "QueuedCalls"),
                        (Boolean) server.getAttribute(name, "DatabaseOpen"),
                        (String) server.getAttribute(name, "LastFailure"),
                        lastWrite == 0 ? null : Instant.ofEpochMilli(lastWrite)));
            }
        } catch (JMException e) {
            LOG.log(Level.WARNING, "could not read the recorder status over JMX", e);
        }
        return views;
    }
}
