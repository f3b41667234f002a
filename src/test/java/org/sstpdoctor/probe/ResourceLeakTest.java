package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/**
 * No thread or socket outlives a probe. OkHttp's own shared daemon threads (its task runner and
 * Okio's timeout watchdog) are infrastructure shared by all probes; they are counted separately and
 * must stay bounded.
 */
class ResourceLeakTest {
    private static final Set<String> SHARED_INFRASTRUCTURE = Set.of("OkHttp TaskRunner", "Okio Watchdog");

    static List<String> probeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> SHARED_INFRASTRUCTURE.stream().noneMatch(n::startsWith))
                .filter(n -> !n.startsWith("ForkJoinPool") && !n.startsWith("Attach Listener")
                        && !n.startsWith("surefire") && !n.startsWith("process reaper"))
                .sorted()
                .collect(Collectors.toList());
    }

    static long sharedThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> SHARED_INFRASTRUCTURE.stream().anyMatch(t.getName()::startsWith)).count();
    }

    static int openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    static void settle(int expectedThreads) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (probeThreads().size() > expectedThreads && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void probesLeaveNoThreadsOrSocketsBehind() throws Exception {
        List<Scenario> scenarios = List.of(Scenario.WORKING, Scenario.NAK, Scenario.HTTP_STATUS, Scenario.SILENT_AFTER_TLS,
                Scenario.SILENT_AFTER_200, Scenario.RESET_AFTER_REQUEST, Scenario.CLOSE_ON_ACCEPT, Scenario.GARBAGE_REPLY,
                Scenario.TLS_ALERT, Scenario.BAD_PACKET);
        runAll(scenarios, 1); // warm up class loading, JIT and OkHttp's shared pool
        settle(0);
        List<String> threadsBefore = probeThreads();
        int fdsBefore = openFileDescriptors();
        long sharedBefore = sharedThreads();

        runAll(scenarios, 3);
        settle(threadsBefore.size());

        List<String> threadsAfter = probeThreads();
        int fdsAfter = openFileDescriptors();
        List<String> leftBehind = new java.util.ArrayList<>(threadsAfter);
        leftBehind.removeAll(threadsBefore); // a thread of an earlier test that ended meanwhile is no leak
        assertEquals(List.of(), leftBehind, "threads left behind (before: " + threadsBefore + ")");
        assertTrue(fdsAfter <= fdsBefore + 2, "file descriptors before " + fdsBefore + ", after " + fdsAfter
                + " (30 probes: a leak per probe would show as +30)");
        // OkHttp's TaskRunner threads idle out after 60 s, so earlier tests in this JVM may have left some;
        // what matters is that 30 more probes do not add to them.
        assertTrue(sharedThreads() <= Math.max(sharedBefore, 4),
                "OkHttp's shared threads stay bounded: before " + sharedBefore + ", after " + sharedThreads());
    }

    private static void runAll(List<Scenario> scenarios, int rounds) throws IOException {
        for (int round = 0; round < rounds; round++) {
            for (Scenario scenario : scenarios) {
                try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(scenario, TestCertificates.valid()))) {
                    ProbeReport report = TestProbes.probe().run(TestProbes.local(server.port()).withTimeout(Duration.ofMillis(400)));
                    assertTrue(report.outcome() != Outcome.INTERNAL_ERROR, report.detail());
                }
            }
        }
    }
}
