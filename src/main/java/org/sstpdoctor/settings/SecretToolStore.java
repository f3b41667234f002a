package org.sstpdoctor.settings;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The freedesktop Secret Service (GNOME Keyring, KWallet) through libsecret's {@code secret-tool}.
 * The password goes to {@code secret-tool store} on its standard input, which it reads to the end
 * as the secret, byte for byte; {@code lookup} writes it back the same way.
 */
public final class SecretToolStore implements CredentialStore {
    static final String LABEL = "SSTP Doctor proxy password";
    static final String SERVICE_ATTRIBUTE = "sstp-doctor";

    private final ExternalTool tool;
    private final boolean sessionBus;

    /**
     * @param executable the secret-tool to run (tests give a fake)
     * @param environment its whole environment; D-Bus needs DBUS_SESSION_BUS_ADDRESS from it
     */
    public SecretToolStore(Path executable, Map<String, String> environment) {
        this.tool = new ExternalTool(executable, environment, ExternalTool.TIMEOUT);
        String bus = environment.get("DBUS_SESSION_BUS_ADDRESS");
        this.sessionBus = bus != null && !bus.isBlank();
    }

    @Override
    public boolean available() {
        // Without a session bus secret-tool cannot reach the keyring (it may even try to start one and hang).
        return sessionBus && java.nio.file.Files.isExecutable(tool.executable());
    }

    @Override
    public String description() {
        return "GNOME Keyring / Secret Service (secret-tool)";
    }

    @Override
    public Optional<char[]> read(String account) throws IOException {
        ExternalTool.Result result = tool.run(List.of("lookup", "service", SERVICE_ATTRIBUTE, "account",
                CredentialStore.checkAccount(account)), null);
        try {
            if (result.exitCode() != 0) {
                // secret-tool exits 1 without a word when nothing matches; with an error it says why.
                if (result.firstErrorLine().isEmpty()) {
                    return Optional.empty();
                }
                throw failure("look up", result);
            }
            byte[] out = result.stdout();
            // Newer secret-tool adds a line break only on a terminal; be lenient with one anyway.
            int length = Passwords.lengthWithoutFinalNewline(out);
            if (length == 0) {
                return Optional.empty();
            }
            return Optional.of(Passwords.decode(out, length, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new IOException("The password in the keyring is not valid UTF-8 text.");
        } finally {
            result.wipe();
        }
    }

    @Override
    public void store(String account, char[] password) throws IOException {
        CredentialStore.checkAccount(account);
        Passwords.check(password);
        byte[] secret = Passwords.encode(password, StandardCharsets.UTF_8);
        try {
            ExternalTool.Result result = tool.run(List.of("store", "--label=" + LABEL, "service", SERVICE_ATTRIBUTE,
                    "account", account), secret);
            if (result.exitCode() != 0) {
                throw new IOException(ExternalTool.scrub(failure("store", result).getMessage(), password));
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public void delete(String account) throws IOException {
        ExternalTool.Result result = tool.run(List.of("clear", "service", SERVICE_ATTRIBUTE, "account",
                CredentialStore.checkAccount(account)), null);
        // As with lookup: a silent exit 1 means there was nothing to clear.
        if (result.exitCode() != 0 && !result.firstErrorLine().isEmpty()) {
            throw failure("delete", result);
        }
    }

    private IOException failure(String action, ExternalTool.Result result) {
        String said = result.firstErrorLine();
        return new IOException("secret-tool could not " + action + " the proxy password (exit " + result.exitCode()
                + (said.isEmpty() ? "" : ": " + said) + ").");
    }

    @Override
    public String toString() {
        return "SecretToolStore[" + tool.executable() + "]";
    }
}
