package org.sstpdoctor.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a proxy password may be remembered: the operating system's own credential store, never a
 * file of ours. Implementations never put the password on a command line, in a log or in an
 * exception message.
 */
public interface CredentialStore {
    /** The service name under which passwords are filed (Keychain service, Secret Service attribute). */
    String SERVICE = "SSTP Doctor proxy";

    /** Whether passwords can be stored here; when false the app asks for the password each time. */
    boolean available();

    /** For the settings dialog: "macOS Keychain", "none". */
    String description();

    /**
     * The password remembered for this proxy user, empty when none is. The caller owns the returned
     * array and should wipe it when done.
     *
     * @throws IOException when the store could not be asked (locked, tool failed)
     */
    Optional<char[]> read(String account) throws IOException;

    /** Remembers the password, replacing any earlier one for the same account. */
    void store(String account, char[] password) throws IOException;

    /** Forgets the password; nothing happens when none was remembered. */
    void delete(String account) throws IOException;

    /** Remembers nothing: for systems without a usable store, and for people who prefer typing. */
    CredentialStore NONE = new CredentialStore() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String description() {
            return "none";
        }

        @Override
        public Optional<char[]> read(String account) {
            return Optional.empty();
        }

        @Override
        public void store(String account, char[] password) throws IOException {
            throw new IOException("There is no credential store on this computer; the password was not saved.");
        }

        @Override
        public void delete(String account) {
            // nothing is ever stored
        }

        @Override
        public String toString() {
            return "CredentialStore.NONE";
        }
    };

    /** The store for this computer's operating system, or {@link #NONE} when it has none usable. */
    static CredentialStore forThisComputer() {
        return forSystem(System.getProperty("os.name", ""), System.getenv());
    }

    /**
     * The store for the named system: Windows Credential Manager; the macOS Keychain through
     * /usr/bin/security; on Linux and other Unixes the Secret Service through secret-tool, if it is on
     * the PATH and a D-Bus session is running (without one secret-tool would hang or fail).
     */
    static CredentialStore forSystem(String osName, Map<String, String> environment) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new WindowsCredentialStore(osName);
        }
        if (os.startsWith("mac")) {
            Path security = MacKeychainStore.DEFAULT_EXECUTABLE;
            return Files.isExecutable(security) ? new MacKeychainStore(security, environment) : NONE;
        }
        String bus = environment.get("DBUS_SESSION_BUS_ADDRESS");
        if (bus == null || bus.isBlank()) {
            return NONE;
        }
        return ExternalTool.findOnPath("secret-tool", environment)
                .<CredentialStore>map(tool -> new SecretToolStore(tool, environment))
                .orElse(NONE);
    }

    /** The account names the stores accept: a proxy user name, printable, of sensible length. */
    static String checkAccount(String account) {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("a proxy user name is needed to file the password under");
        }
        if (account.length() > 256 || account.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the proxy user name has control characters or is too long");
        }
        return account;
    }
}
