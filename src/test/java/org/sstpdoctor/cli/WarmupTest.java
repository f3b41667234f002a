package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Main's warm-up for probe: two background threads that never keep the process alive. */
class WarmupTest {
    @Test
    void otherCommandsStartNothing() {
        assertEquals(List.of(), Warmup.startFor(new String[] {"lookup", "407"}));
        assertEquals(List.of(), Warmup.startFor(new String[] {}));
        assertEquals(List.of(), Warmup.startFor(new String[] {"--probe"}));
        assertEquals(List.of(), Warmup.startFor(new String[] {"serve"}));
    }

    @Test
    void probeWarmsTlsAndTheKnowledgeBaseOnDaemonThreads() throws Exception {
        List<Thread> threads = Warmup.startFor(new String[] {"probe", "vpn.example.com"});
        assertEquals(List.of("sstp-doctor-warmup-tls", "sstp-doctor-warmup-cas-kb"), threads.stream().map(Thread::getName).toList());
        for (Thread t : threads) {
            assertTrue(t.isDaemon(), t.getName());
            t.join(60_000); // a bound, not a timing: they only load and initialise classes
            assertFalse(t.isAlive(), t.getName() + " still running");
        }
    }
}
