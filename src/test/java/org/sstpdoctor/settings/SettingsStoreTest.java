package org.sstpdoctor.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.probe.ProxyMode;

class SettingsStoreTest {
    @TempDir
    Path temp;

    Settings sample() {
        return Settings.defaults()
                .withRecentAddress("vpn.example.com").withRecentAddress("vpn2.example.com:4443")
                .withRecentDestinationName("Office")
                .withProxy(ProxyMode.MANUAL, "proxy.corp", 3128, "alice", true)
                .withCaFile("/etc/ssl/private-ca.pem")
                .withTimeoutSeconds(42);
    }

    @Test
    void roundTripCreatingTheFolder() throws IOException {
        Path file = temp.resolve("new-folder").resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        store.save(sample());
        assertTrue(Files.isRegularFile(file));
        SettingsStore again = new SettingsStore(file);
        assertEquals(sample(), again.load());
        assertEquals(Optional.empty(), again.lastProblem());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void missingFileGivesDefaultsWithoutAProblem() {
        SettingsStore store = new SettingsStore(temp.resolve("settings.json"));
        assertEquals(Settings.defaults(), store.load());
        assertEquals(Optional.empty(), store.lastProblem());
    }

    @Test
    void corruptFileGivesDefaultsAndAOneLineMessage() throws IOException {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, "{\n  \"proxyMode\": \"manual\",\n  \"proxyPort\": 31");
        SettingsStore store = new SettingsStore(file);
        assertEquals(Settings.defaults(), store.load());
        String message = store.lastProblem().orElseThrow();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("damaged"), message);
        assertTrue(message.contains("using the default settings"), message);
        assertFalse(message.contains("\n"), "one line: " + message);

        Files.writeString(file, "{\"timeoutSeconds\": \"soon\"}");
        assertEquals(Settings.defaults(), store.load());
        assertTrue(store.lastProblem().orElseThrow().contains("damaged"), store.lastProblem().orElseThrow());

        Files.writeString(file, "[1, 2]");
        assertEquals(Settings.defaults(), store.load());
        assertTrue(store.lastProblem().orElseThrow().contains("expected a JSON object"));

        Files.writeString(file, "{\"schema\": \"sstp-doctor/report/v1\"}");
        assertEquals(Settings.defaults(), store.load());
        assertTrue(store.lastProblem().orElseThrow().contains("another kind"), store.lastProblem().orElseThrow());

        // A good load clears the earlier problem.
        store.save(sample());
        assertEquals(sample(), store.load());
        assertEquals(Optional.empty(), store.lastProblem());
    }

    @Test
    void unreadableFileGivesDefaultsAndAMessage() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("settings.json"));
        SettingsStore store = new SettingsStore(folder);
        assertEquals(Settings.defaults(), store.load());
        assertTrue(store.lastProblem().orElseThrow().contains("cannot be read"), store.lastProblem().orElseThrow());
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws IOException {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, """
                {
                  "schema": "sstp-doctor/settings/v1",
                  "recentAddresses": ["vpn.example.com"],
                  "theme": "dark",
                  "windowBounds": {"x": 10, "y": 20},
                  "proxyMode": "none",
                  "timeoutSeconds": 20
                }
                """);
        SettingsStore store = new SettingsStore(file);
        Settings s = store.load();
        assertEquals(Optional.empty(), store.lastProblem());
        assertEquals(List.of("vpn.example.com"), s.recentAddresses());
        assertEquals(ProxyMode.NONE, s.proxyMode());
        assertEquals(20, s.timeoutSeconds());
    }

    @Test
    void savedJsonHasTheSchemaAndNoPassword() throws IOException {
        Path file = temp.resolve("settings.json");
        Settings remembering = sample();
        assertTrue(remembering.rememberPassword());
        new SettingsStore(file).save(remembering);
        String json = Files.readString(file);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertEquals("sstp-doctor/settings/v1", tree.path("schema").asText());
        TreeSet<String> names = new TreeSet<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("schema", "recentAddresses", "recentDestinationNames", "proxyMode", "proxyHost",
                "proxyPort", "proxyUser", "rememberPassword", "caFile", "timeoutSeconds", "expectedCertificates")), names);
        for (String name : names) {
            assertFalse(name.toLowerCase(Locale.ROOT).contains("password") && !name.equals("rememberPassword"), name);
        }
        assertTrue(tree.path("rememberPassword").asBoolean());
    }

    @Test
    void theProxyModeIsTheEnumInMemoryAndItsIdInTheFile() throws IOException {
        Path file = temp.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        for (ProxyMode mode : ProxyMode.values()) {
            store.save(Settings.defaults().withProxy(mode, null, null, null, false));
            assertEquals(mode.id(), new ObjectMapper().readTree(Files.readString(file)).path("proxyMode").asText(),
                    "the file keeps v1's spelling");
            assertEquals(mode, store.load().proxyMode());
        }
        // What a hand edit or another version may hold: case and space forgiven, anything else the default.
        for (String[] held : new String[][] {{"\" Manual \"", "MANUAL"}, {"\"NONE\"", "NONE"}, {"\"socks\"", "SYSTEM"},
                {"\"\"", "SYSTEM"}, {"null", "SYSTEM"}, {"3", "SYSTEM"}, {"{\"mode\": \"none\"}", "SYSTEM"},
                {"[\"none\"]", "SYSTEM"}}) {
            Files.writeString(file, "{\"schema\": \"sstp-doctor/settings/v1\", \"proxyMode\": " + held[0]
                    + ", \"timeoutSeconds\": 20}");
            Settings s = store.load();
            assertEquals(Optional.empty(), store.lastProblem(), held[0]);
            assertEquals(ProxyMode.valueOf(held[1]), s.proxyMode(), held[0]);
            assertEquals(20, s.timeoutSeconds(), held[0] + ": the rest of the file still read");
        }
    }

    @Test
    void fileIsTheOwnersOnlyOnPosix() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = temp.resolve("cfg").resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        store.save(sample());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(file.getParent()));
        // Replacing a file that others could read leaves an owner-only one.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        store.save(sample().withTimeoutSeconds(5));
        assertEquals(Set.copyOf(PosixFilePermissions.fromString("rw-------")), Files.getPosixFilePermissions(file));
        assertEquals(5, store.load().timeoutSeconds());
    }

    @Test
    void failedSaveSaysWhyAndKeepsTheOldFile() throws IOException {
        Path blocker = Files.writeString(temp.resolve("not-a-folder"), "x");
        SettingsStore store = new SettingsStore(blocker.resolve("settings.json"));
        try {
            store.save(sample());
            throw new AssertionError("saving under a plain file cannot work");
        } catch (IOException expected) {
            // the folder cannot be made: a file is in the way
        }
        assertEquals("x", Files.readString(blocker));
        String message = store.lastProblem().orElseThrow();
        assertTrue(message.startsWith("The settings could not be saved to "), message);
    }

    @Test
    void ofThisUserIsInTheConfigFolder() {
        assertEquals("settings.json", SettingsStore.ofThisUser().file().getFileName().toString());
    }
}
