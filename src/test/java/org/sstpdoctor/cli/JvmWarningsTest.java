package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JvmWarningsTest {
    @Test
    void theJvmsWarningsGoToStandardErrorNotIntoTheOutput() throws Exception {
        assertTrue(JvmWarnings.toStandardError(), "this JDK has the VM.log diagnostic command");
        String outputs = JvmWarnings.outputs();
        String stdout = outputs.lines().filter(l -> l.contains("stdout")).findFirst().orElse("");
        String stderr = outputs.lines().filter(l -> l.contains("stderr")).findFirst().orElse("");
        assertTrue(stdout.contains("all=off"), outputs);
        assertTrue(stderr.contains("all=warning"), outputs);
    }
}
