package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServeBindTest {
    @Test
    void anAddressOtherComputersCanReachIsRefusedWithoutAllowRemote() {
        CliTest.Run run = CliTest.run("serve", "--bind", "0.0.0.0", "--port", "0", "--for", "1s");
        assertEquals(ExitCode.BAD_USAGE, run.code());
        assertTrue(run.err().startsWith("Refusing to listen on 0.0.0.0: other computers could reach"), run.err());
        assertTrue(run.err().contains("--allow-remote"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void theTryItHintNamesTheAddressActuallyBound() {
        CliTest.Run run = CliTest.run("serve", "--bind", "127.0.0.2", "--port", "0", "--for", "200ms");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Listening on 127.0.0.2:"), run.out());
        assertTrue(run.out().contains("Try it:  sstp-doctor probe 127.0.0.2:"), run.out());
    }

    @Test
    void ipv6LoopbackIsWrittenAsAProbeTakesIt() {
        CliTest.Run run = CliTest.run("serve", "--bind", "::1", "--port", "0", "--for", "200ms");
        if (run.code() == 0) { // a machine without IPv6 cannot bind it; that case is a clear error, checked below
            assertTrue(run.out().contains("Try it:  sstp-doctor probe [0:0:0:0:0:0:0:1]:")
                    || run.out().contains("Try it:  sstp-doctor probe [::1]:"), run.out());
        } else {
            assertTrue(run.err().startsWith("Cannot listen on ::1"), run.err());
        }
    }
}
