package org.sstpdoctor.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the time goes between the JVM's start and the wizard's first painted frame, when started with
 * {@code -Dsstpdoctor.measureStartup=true} (the start-up benchmarks): each step notes the moment it is
 * reached, and {@link #report} prints them in milliseconds since the JVM started, with the first paint.
 * Otherwise nothing is noted.
 */
public final class StartupMarks {
    private static final boolean ON = Boolean.getBoolean(DesktopApp.MEASURE_STARTUP);
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> NANOS = new ArrayList<>();

    private StartupMarks() {
    }

    /** Notes that start-up has reached {@code step} (a word: "main", "toolkit", "shown"). */
    public static void mark(String step) {
        if (ON) {
            long now = System.nanoTime();
            synchronized (NAMES) {
                NAMES.add(step);
                NANOS.add(now);
            }
        }
    }

    static boolean measuring() {
        return ON;
    }

    /**
     * Prints {@code first-paint-ms=N} (what the benchmarks read), the CPU time all the process's threads
     * took until then ({@code first-paint-cpu-ms=N}: on a busy machine a steadier measure than the wall
     * time) and, on its own line, every step as milliseconds since the JVM started
     * ({@code startup-marks: main=161 toolkit=230 ...}).
     */
    static void report() {
        long now = System.nanoTime();
        long uptime = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        StringBuilder marks = new StringBuilder("startup-marks:");
        synchronized (NAMES) {
            for (int i = 0; i < NAMES.size(); i++) {
                marks.append(' ').append(NAMES.get(i)).append('=').append(uptime - (now - NANOS.get(i)) / 1_000_000);
            }
        }
        System.out.println("first-paint-ms=" + uptime);
        cpuMillis().ifPresent(cpu -> System.out.println("first-paint-cpu-ms=" + cpu));
        System.out.println(marks.append(" painted=").append(uptime));
        System.out.flush();
    }

    /** The process's CPU time so far, where the JDK's management extension is there to say it. */
    private static java.util.Optional<Long> cpuMillis() {
        try {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
                return java.util.Optional.of(os.getProcessCpuTime() / 1_000_000);
            }
        } catch (LinkageError e) {
            // a runtime without jdk.management
        }
        return java.util.Optional.empty();
    }
}
