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

    // --- bounded inputs --------------------------------------------------------------------------

    static Path sparse(Path file, long size) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    Path overrides(String name, String json) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested", "long-string", "long-number", "long-name", "dev-zero", "folder", "too-large", "binary",
        "truncated"})
    void aBadOverridesFileIsAWarningNeverAFailure(String kind) throws IOException {
        Path file = switch (kind) {
            case "nested" -> overrides("n.json", "{\"overrides\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
            case "long-string" -> overrides("s.json", "{\"site\": \"" + "x".repeat(200_000) + "\", \"overrides\": []}");
            case "long-number" -> overrides("d.json", "{\"site\": " + "9".repeat(5000) + ", \"overrides\": []}");
            case "long-name" -> overrides("k.json", "{\"" + "k".repeat(5000) + "\": 1, \"overrides\": []}");
            case "dev-zero" -> Path.of("/dev/zero");
            case "folder" -> temp;
            case "too-large" -> sparse(temp.resolve("big.json"), 520L << 20);
            case "binary" -> {
                Path b = temp.resolve("b.json");
                Files.write(b, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ':', '1', '}'});
                yield b;
            }
            default -> overrides("t.json", "{\"overrides\": [{\"id\": ");
        };
        CliTest.Run run = CliTest.run("lookup", "407", "--kb-overrides", file.toString());
        assertEquals(ExitCode.REACHABLE, run.code(), run.err());
        assertTrue(run.err().startsWith("warning: The site overrides file "), run.err());
        assertTrue(run.err().contains("It was ignored; the built-in text is used."), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertTrue(run.err().length() < 1000, "a short warning: " + run.err().length());
        assertTrue(run.out().contains("407"), run.out());
    }

    @Test
    void aListFileWithNoLineEndsStopsAtTheLineLimit() {
        CliTest.Run run = CliTest.run("probe", "--file", "/dev/zero", "--format", "csv", "--proxy", "none");
        assertEquals(ExitCode.BAD_USAGE, run.code());
        assertTrue(run.err().contains("could not be read to the end: line 1 is longer than 4,096 characters"), run.err());
    }

    @Test
    void aHugeLineIsNeitherReadWholeNorEchoed() throws IOException {
        Path list = temp.resolve("long.txt");
        Files.writeString(list, "localhost:9\n" + "a".repeat(3_000_000) + "\nlocalhost:9\n");
        CliTest.Run run = CliTest.run("probe", "--file", list.toString(), "--format", "table", "--timeout", "1s",
                "--proxy", "none");
        assertEquals(ExitCode.BAD_USAGE, run.code());
        assertTrue(run.err().contains("line 2 is longer than 4,096 characters"), run.err());
        assertTrue(run.out().length() < 2000, "nothing of the long line echoed: " + run.out().length());
        assertTrue(run.err().contains("1 server:"), run.err());
    }

    @Test
    void aBinaryListFileSaysSo() throws IOException {
        Path list = temp.resolve("servers.bin");
        Files.write(list, new byte[] {'l', 'o', 'c', 'a', 'l', 'h', 'o', 's', 't', ':', '9', '\n', (byte) 0xFF, (byte) 0xFE, 0, 1, '\n'});
        CliTest.Run run = CliTest.run("probe", "--file", list.toString(), "--format", "csv", "--timeout", "1s", "--proxy", "none");
        assertEquals(ExitCode.BAD_USAGE, run.code());
        assertTrue(run.err().contains("could not be read to the end: line 2 is not UTF-8 text"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/zero", "folder", "too-large"})
    void aTrustFileMustBeASmallRegularFile(String kind) throws IOException {
        String file = switch (kind) {
            case "folder" -> temp.toString();
            case "too-large" -> sparse(temp.resolve("huge.pem"), 64L << 20).toString();
            default -> kind;
        };
        CliTest.Run run = CliTest.run("probe", "localhost:9", "--trust-ca", file, "--proxy", "none");
        assertEquals(ExitCode.BAD_USAGE, run.code(), run.err());
        assertTrue(run.err().startsWith("The file " + file + " is "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
