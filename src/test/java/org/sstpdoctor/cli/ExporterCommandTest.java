package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterCommandTest {
    @TempDir
    Path temp;

    @Test
    void checkConfigSaysWhatTheFileSays() throws Exception {
        Path file = Files.writeString(temp.resolve("x.yml"),
                "allowed_targets: [vpn.example.com]\nmodules: {default: {proxy: none}, branch: {proxy: 'proxy.example:3128'}}\n");
        CliTest.Run run = CliTest.run("exporter", "--config", file.toString(), "--check-config");
        assertEquals(ExitCode.REACHABLE, run.code(), run.err());
        assertTrue(run.out().contains("modules default, branch; allowed targets: vpn.example.com"), run.out());
    }

    @Test
    void badConfigIsAClearErrorAtStart() throws Exception {
        Path file = Files.writeString(temp.resolve("x.yml"), "modules: {default: {timeout: soon}}\n");
        CliTest.Run run = CliTest.run("exporter", "--config", file.toString());
        assertEquals(ExitCode.BAD_USAGE, run.code());
        assertTrue(run.err().startsWith("The exporter's configuration cannot be used: " + file), run.err());
        assertTrue(run.err().contains("modules.default.timeout: 'soon' is not a duration"), run.err());
        assertEquals(1, run.err().trim().split("\n").length, "one line, no stack trace: " + run.err());
        CliTest.Run missing = CliTest.run("exporter", "--config", temp.resolve("none.yml").toString());
        assertEquals(ExitCode.BAD_USAGE, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void badListenAddressIsAClearError() {
        CliTest.Run run = CliTest.run("exporter", "--listen", "nonsense");
        assertEquals(ExitCode.BAD_USAGE, run.code());
        assertTrue(run.err().contains("--listen: 'nonsense' is not HOST:PORT"), run.err());
        assertTrue(CliTest.run("exporter", "--listen", "127.0.0.1:99999").err().contains("is not a port"));
    }

    @Test
    void listenForms() {
        assertEquals(9469, ExporterCommand.listenAddress(":9469").getPort());
        assertTrue(ExporterCommand.listenAddress(":9469").getAddress().isAnyLocalAddress());
        assertTrue(ExporterCommand.listenAddress("127.0.0.1:9469").getAddress().isLoopbackAddress());
        assertTrue(ExporterCommand.listenAddress("[::1]:9469").getAddress().isLoopbackAddress());
        assertThrows(IllegalArgumentException.class, () -> ExporterCommand.listenAddress("9469"));
    }

    @Test
    void helpNamesTheEndpoints() {
        CliTest.Run run = CliTest.run("exporter", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("/probe?target=HOST:PORT&module=NAME"), run.out());
        assertTrue(run.out().contains("--config"), run.out());
    }
}
