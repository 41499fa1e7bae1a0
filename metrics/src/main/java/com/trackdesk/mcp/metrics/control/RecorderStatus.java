package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.RecorderSnapshot;

import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Publishes the recorder's counters as an MBean (see {@link RecorderStatusMBean}). */
public class RecorderStatus implements RecorderStatusMBean {

    public static final String DOMAIN = "com.trackdesk.mcp.metrics";
    private static final Logger LOG = Logger.getLogger(RecorderStatus.class.getName());

    private final Supplier<RecorderSnapshot> snapshot;
    private ObjectName name;

    public RecorderStatus(Supplier<RecorderSnapshot> snapshot) {
        this.snapshot = snapshot;
    }

    /** Registers under a unique name: a redeployed recorder may briefly live beside the old one. */
    public void publish() {
        try {
            name = new ObjectName(DOMAIN + ":type=CallRecorder,id=" + UUID.randomUUID());
            ManagementFactory.getPlatformMBeanServer().registerMBean(this, name);
        } catch (JMException e) {
            LOG.log(Level.WARNING, "recorder status is not published over JMX", e);
        }
    }

    public void withdraw() {
        try {
            if (name != null) {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.log(Level.FINE, "recorder status was already withdrawn", e);
        }
    }

    @Override public long getAcceptedCalls() { return snapshot.get().acceptedCalls(); }
    @Override public long getWrittenCalls() { return snapshot.get().writtenCalls(); }
    @Override public long getLostCalls() { return snapshot.get().lostCalls(); }
    @Override public int getQueuedCalls() { return snapshot.get().queuedCalls(); }
    @Override public boolean isDatabaseOpen() { return snapshot.get().databaseOpen(); }
    @Override public String getLastFailure() { return snapshot.get().lastFailure(); }

    @Override
    public long getLastWriteMillis() {
        return snapshot.get().lastWrite().map(Instant::toEpochMilli).orElse(0L);
    }
}
