package com.trackdesk.mcp.hardening;

import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.util.ArrayList;
import java.util.List;

/**
 * JMX into the shared Payara Micro through the attach API (its remote JMX connector is off): lets a
 * test change JUL logger levels at run time, e.g. FINE for com.trackdesk, without restarting the
 * server or changing how SharedServer starts it. Payara's console handler passes FINE.
 */
final class PayaraJmx implements AutoCloseable {

    private static final String LOGGING = "java.util.logging:type=Logging";

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    PayaraJmx(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            String address = vm.startLocalManagementAgent();
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            server = connector.getMBeanServerConnection();
        } finally {
            vm.detach();
        }
    }

    /** Sets the level of every existing logger whose name starts with one of the prefixes; returns their names. */
    List<String> setLevel(String level, String... prefixes) throws Exception {
        ObjectName logging = new ObjectName(LOGGING);
        Object attribute = server.getAttribute(logging, "LoggerNames");
        List<String> names = attribute instanceof String[] array ? List.of(array) : toStrings((List<?>) attribute);
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            for (String prefix : prefixes) {
                if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                    server.invoke(logging, "setLoggerLevel", new Object[] {name, level},
                            new String[] {String.class.getName(), String.class.getName()});
                    changed.add(name);
                }
            }
        }
        return changed;
    }

    private static List<String> toStrings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }
}
