package org.sstpdoctor.cli;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Sends the JVM's own warnings to standard error. By default HotSpot's unified logging writes them
 * to standard output ("Failed to start thread - pthread_create failed"), where they land inside a
 * CSV or JSON-lines batch that a script reads. Done through the JVM's diagnostic command
 * {@code VM.log}, the same as {@code -Xlog:disable -Xlog:all=warning:stderr} on the command line.
 */
final class JvmWarnings {
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private JvmWarnings() {
    }

    /** True when the JVM's warnings now go to standard error; false when this JVM cannot be told. */
    static boolean toStandardError() {
        try {
            vmLog("disable");
            vmLog("output=stderr", "what=all=warning", "decorators=level,tags");
            return true;
        } catch (Exception | LinkageError e) {
            return false; // a runtime without jdk.management: its warnings stay where the JVM puts them
        }
    }

    /** The JVM's log outputs as {@code VM.log list} describes them. */
    static String outputs() throws Exception {
        return vmLog("list");
    }

    private static String vmLog(String... arguments) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Object result = server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), "vmLog", new Object[] {arguments},
                new String[] {String[].class.getName()});
        return String.valueOf(result);
    }
}
