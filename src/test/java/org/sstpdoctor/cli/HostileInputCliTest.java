package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstpdoctor.text.PeerText;

/** What a list file, an overrides file or a typed address can hold that must not reach the output raw. */
class HostileInputCliTest {
    @TempDir
    Path temp;

    static void assertNothingRaw(String output) {
        assertTrue(output.codePoints().noneMatch(cp -> cp != '\n' && PeerText.isInvisible(cp)),
                () -> "raw control, format or bidi characters in: " + PeerText.lines(output));
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "jsonl", "text"})
    void listFileLinesAreEchoedVisibly(String format) throws IOException {
        Path list = temp.resolve("servers.txt");
        Files.writeString(list, "vpn\u001b[2J\u001b[32m.example.test\rREACHABLE\u009b\u202E\n"
                + "\u2066nosuch\u200B.invalid\u2069\n", StandardCharsets.UTF_8);
        CliTest.Run run = CliTest.run("probe", "--file", list.toString(), "--format", format, "--timeout", "1s",
                "--proxy", "none");
        assertNothingRaw(run.out());
        assertNothingRaw(run.err());
        assertTrue(run.out().contains("\\u001B[2J"), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "jsonl", "text"})
    void aPasswordTypedIntoAnAddressIsNeverEchoed(String format) {
        CliTest.Run run = CliTest.run("probe", "https://bob:secret-pw@vpn.example.test/", "localhost:9",
                "--format", format, "--timeout", "1s", "--proxy", "none");
        assertFalse(run.out().contains("secret-pw"), run.out());
        assertFalse(run.err().contains("secret-pw"), run.err());
        assertFalse(run.out().contains("bob"), run.out());
        assertTrue(run.out().contains("***@vpn.example.test"), run.out());
        assertEquals(ExitCode.BAD_USAGE, run.code());
    }

    @Test
    void siteOverrideTextsAreMadeVisible() throws IOException {
        Path overrides = temp.resolve("kb-overrides.json");
        Files.writeString(overrides, "{\"site\": \"Contoso\\u001b[2J\", \"overrides\": [{\"id\": \"*\", \"add\": "
                + "{\"helpdesk.steps\": [\"Call \\u202E1234\\r\\u009b\"]}}]}", StandardCharsets.UTF_8);
        CliTest.Run run = CliTest.run("probe", "localhost:9", "--kb-overrides", overrides.toString(), "--timeout", "1s",
                "--proxy", "none");
        assertNothingRaw(run.out());
        assertTrue(run.out().contains("Call \\u202E1234\\u000D\\u009B"), run.out());
    }
}
