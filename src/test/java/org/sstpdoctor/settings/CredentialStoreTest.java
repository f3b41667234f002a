package org.sstpdoctor.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential stores against fake helpers: shell scripts that record their arguments and their
 * standard input, so the tests can prove the password travels on stdin only.
 */
class CredentialStoreTest {
    static final String PASSWORD = "hunter2-secret";

    @TempDir
    Path temp;
    Map<String, String> environment;

    @BeforeEach
    void needsAShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the fake helpers are shell scripts");
        environment = Map.of("PATH", "/usr/bin:/bin", "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    }

    Path script(String name, String body) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, "#!/bin/sh\ndir=\"" + temp + "\"\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    String argv() throws IOException {
        Path log = temp.resolve("argv.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** A secret-tool that keeps one secret in a file, as the real one keeps it in the keyring. */
    Path fakeSecretTool() throws IOException {
        return script("secret-tool", """
                printf '%s\\n' "$@" >> "$dir/argv.log"
                case "$1" in
                  store) cat > "$dir/stored.bin" ;;
                  lookup) if [ -f "$dir/stored.bin" ]; then cat "$dir/stored.bin"; else exit 1; fi ;;
                  clear) rm -f "$dir/stored.bin" ;;
                  *) echo "secret-tool: unknown command" >&2; exit 2 ;;
                esac
                """);
    }

    @Test
    void secretToolGetsThePasswordOnStdinOnly() throws IOException {
        SecretToolStore store = new SecretToolStore(fakeSecretTool(), environment);
        assertTrue(store.available());
        assertEquals(Optional.empty(), store.read("alice"), "nothing stored yet");

        store.store("alice", PASSWORD.toCharArray());
        assertArrayEquals(PASSWORD.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(temp.resolve("stored.bin")),
                "exactly the password on stdin, no line break added");
        String args = argv();
        assertFalse(args.contains(PASSWORD), "the password must never be an argument: " + args);
        assertTrue(args.contains("store\n--label=SSTP Doctor proxy password\nservice\nsstp-doctor\naccount\nalice\n"), args);

        assertArrayEquals(PASSWORD.toCharArray(), store.read("alice").orElseThrow());
        assertTrue(argv().contains("lookup\nservice\nsstp-doctor\naccount\nalice\n"));

        store.delete("alice");
        assertFalse(Files.exists(temp.resolve("stored.bin")));
        assertEquals(Optional.empty(), store.read("alice"));
        assertFalse(argv().contains(PASSWORD));
    }

    @Test
    void secretToolKeepsNonAsciiPasswords() throws IOException {
        SecretToolStore store = new SecretToolStore(fakeSecretTool(), environment);
        char[] password = "pässwörd \"quoted\" \\ 密码".toCharArray();
        store.store("bob@corp", password);
        assertArrayEquals(password, store.read("bob@corp").orElseThrow());
    }

    @Test
    void secretToolFailureIsAClearMessageWithoutThePassword() throws IOException {
        Path failing = script("secret-tool", """
                cat > /dev/null
                echo "secret-tool: Cannot autolaunch D-Bus without X11 \\$DISPLAY" >&2
                exit 1
                """);
        SecretToolStore store = new SecretToolStore(failing, environment);
        IOException e = assertThrows(IOException.class, () -> store.store("alice", PASSWORD.toCharArray()));
        assertTrue(e.getMessage().contains("Cannot autolaunch D-Bus"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD));
        IOException lookup = assertThrows(IOException.class, () -> store.read("alice"));
        assertTrue(lookup.getMessage().startsWith("secret-tool could not look up"), lookup.getMessage());
    }

    @Test
    void secretToolNeedsASessionBus() throws IOException {
        SecretToolStore store = new SecretToolStore(fakeSecretTool(), Map.of("PATH", "/usr/bin:/bin"));
        assertFalse(store.available());
    }

    /** A security tool: records argv and stdin; answers find-generic-password from a file. */
    Path fakeSecurity() throws IOException {
        return script("security", """
                printf '%s\\n' "$@" >> "$dir/argv.log"
                case "$1" in
                  -i) cat >> "$dir/stdin.log" ;;
                  find-generic-password)
                    if [ -f "$dir/answer.txt" ]; then cat "$dir/answer.txt"; echo; else
                      echo "security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain." >&2
                      exit 44
                    fi ;;
                  delete-generic-password)
                    if [ -f "$dir/answer.txt" ]; then rm "$dir/answer.txt"; else exit 44; fi ;;
                  *) exit 2 ;;
                esac
                """);
    }

    @Test
    void keychainGetsTheCommandOnStdinOnly() throws IOException {
        MacKeychainStore store = new MacKeychainStore(fakeSecurity(), environment);
        assertTrue(store.available());
        char[] tricky = "hunter2-secret \"and\" back\\slash".toCharArray();
        store.store("DOMAIN\\alice", tricky);
        String args = argv();
        assertEquals("-i\n", args, "security -i, and nothing else on its command line");
        String stdin = Files.readString(temp.resolve("stdin.log"));
        assertEquals("add-generic-password -U -s \"SSTP Doctor proxy\" -a \"DOMAIN\\\\alice\" -w "
                + "\"hunter2-secret \\\"and\\\" back\\\\slash\"\n", stdin);
        assertFalse(args.contains(PASSWORD));
    }

    @Test
    void keychainReadsPlainAndHexPasswords() throws IOException {
        MacKeychainStore store = new MacKeychainStore(fakeSecurity(), environment);
        assertEquals(Optional.empty(), store.read("alice"), "exit 44: nothing stored");

        Files.writeString(temp.resolve("answer.txt"), PASSWORD);
        assertArrayEquals(PASSWORD.toCharArray(), store.read("alice").orElseThrow());
        assertTrue(argv().contains("find-generic-password\n-s\nSSTP Doctor proxy\n-a\nalice\n-w\n"), argv());

        // security -w prints a password that is not all printable ASCII as hex.
        String unicode = "pässwörd";
        Files.writeString(temp.resolve("answer.txt"), HexFormat.of().formatHex(unicode.getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(unicode.toCharArray(), store.read("alice").orElseThrow());

        // A printable password made of hex digits is printed as it is.
        Files.writeString(temp.resolve("answer.txt"), "cafe1234");
        assertArrayEquals("cafe1234".toCharArray(), store.read("alice").orElseThrow());

        store.delete("alice");
        assertFalse(Files.exists(temp.resolve("answer.txt")));
        store.delete("alice"); // nothing left to delete: not an error
    }

    @Test
    void keychainRefusesAPasswordItCouldNotReadBack() throws IOException {
        MacKeychainStore store = new MacKeychainStore(fakeSecurity(), environment);
        // "c3a9" would come back from security -w exactly as the hex dump of "é" does.
        IOException e = assertThrows(IOException.class, () -> store.store("alice", "c3a9".toCharArray()));
        assertTrue(e.getMessage().contains("asked for each time"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("stdin.log")), "nothing was sent to security");
    }

    @Test
    void keychainFailureMessageNeverCarriesThePassword() throws IOException {
        // A helper that (wrongly) echoes its input in its error must still not leak it into the message.
        Path echoing = script("security", """
                line=$(cat)
                echo "security: add-generic-password: failed for $line" >&2
                exit 45
                """);
        MacKeychainStore store = new MacKeychainStore(echoing, environment);
        IOException e = assertThrows(IOException.class, () -> store.store("alice", PASSWORD.toCharArray()));
        assertTrue(e.getMessage().contains("security exit 45"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    @Test
    void passwordsThatCannotTravelOnOneLineAreRefused() throws IOException {
        SecretToolStore store = new SecretToolStore(fakeSecretTool(), environment);
        assertThrows(IllegalArgumentException.class, () -> store.store("alice", "two\nlines".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> store.store("alice", new char[0]));
        assertThrows(IllegalArgumentException.class, () -> store.store(" ", PASSWORD.toCharArray()));
        assertEquals("", argv(), "the helper never ran");
    }

    @Test
    void linuxWithoutSecretToolOrSessionBusHasNoStore() throws IOException {
        Path emptyBin = Files.createDirectory(temp.resolve("empty-bin"));
        CredentialStore noTool = CredentialStore.forSystem("Linux", Map.of("PATH", emptyBin.toString(),
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus"));
        assertSame(CredentialStore.NONE, noTool);
        assertFalse(noTool.available());
        assertEquals("none", noTool.description());

        Path bin = Files.createDirectory(temp.resolve("bin"));
        Path tool = bin.resolve("secret-tool");
        Files.copy(fakeSecretTool(), tool);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        assertSame(CredentialStore.NONE, CredentialStore.forSystem("Linux", Map.of("PATH", bin.toString())),
                "secret-tool without a D-Bus session cannot reach a keyring");

        CredentialStore found = CredentialStore.forSystem("Linux", Map.of("PATH", emptyBin + ":" + bin,
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus"));
        assertInstanceOf(SecretToolStore.class, found);
        assertTrue(found.available());
        assertEquals("GNOME Keyring / Secret Service (secret-tool)", found.description());
    }

    @Test
    void noneStoresNothing() {
        assertFalse(CredentialStore.NONE.available());
        assertEquals(Optional.empty(), assertDoesNotThrowRead(CredentialStore.NONE));
        assertThrows(IOException.class, () -> CredentialStore.NONE.store("alice", PASSWORD.toCharArray()));
    }

    static Optional<char[]> assertDoesNotThrowRead(CredentialStore store) {
        try {
            return store.read("alice");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void windowsStoreIsUnavailableElsewhereAndSaysSo() {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase().startsWith("windows"));
        WindowsCredentialStore store = new WindowsCredentialStore();
        assertFalse(store.available());
        assertEquals("Windows Credential Manager", store.description());
        IOException e = assertThrows(IOException.class, () -> store.store("alice", PASSWORD.toCharArray()));
        assertTrue(e.getMessage().contains("only available on Windows"), e.getMessage());
        assertThrows(IOException.class, () -> store.read("alice"));
        assertEquals("SSTP Doctor proxy/alice", WindowsCredentialStore.targetName("alice"));
        assertInstanceOf(WindowsCredentialStore.class, CredentialStore.forSystem("Windows 11", Map.of()));
    }

    @Test
    void forThisComputerNeverFails() {
        CredentialStore store = CredentialStore.forThisComputer();
        assertTrue(List.of("none", "macOS Keychain", "GNOME Keyring / Secret Service (secret-tool)",
                "Windows Credential Manager").contains(store.description()), store.description());
    }
}
