package org.sstpdoctor.settings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The macOS login Keychain through {@code /usr/bin/security}, as a generic password with service
 * {@value CredentialStore#SERVICE} and the proxy user as account.
 *
 * <p>{@code add-generic-password} takes the password only as an argument, where every process could
 * see it; so the command is written to {@code security -i} on its standard input instead, one quoted
 * line, which security splits itself (double quotes, backslash escapes).
 *
 * <p>{@code find-generic-password -w} prints a password that is not all printable ASCII as hex; such
 * output is recognised and decoded. A printable password that itself looks like that hex would be
 * ambiguous, so it is refused at store time (the person types it each time instead).
 */
public final class MacKeychainStore implements CredentialStore {
    static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/security");
    /** errSecItemNotFound, as security's exit status. */
    static final int NOT_FOUND = 44;

    private final ExternalTool tool;

    /** @param executable the security tool to run (tests give a fake) */
    public MacKeychainStore(Path executable, Map<String, String> environment) {
        this.tool = new ExternalTool(executable, environment, ExternalTool.TIMEOUT);
    }

    @Override
    public boolean available() {
        return Files.isExecutable(tool.executable());
    }

    @Override
    public String description() {
        return "macOS Keychain";
    }

    @Override
    public Optional<char[]> read(String account) throws IOException {
        ExternalTool.Result result = tool.run(List.of("find-generic-password", "-s", SERVICE, "-a",
                CredentialStore.checkAccount(account), "-w"), null);
        try {
            if (result.exitCode() == NOT_FOUND || result.stderr().contains("could not be found")) {
                return Optional.empty();
            }
            if (result.exitCode() != 0) {
                throw failure("read", result);
            }
            byte[] out = result.stdout();
            int length = Passwords.lengthWithoutFinalNewline(out);
            if (length == 0) {
                return Optional.empty();
            }
            byte[] raw = hexDump(out, length);
            try {
                return Optional.of(raw != null ? Passwords.decode(raw, raw.length, StandardCharsets.UTF_8)
                        : Passwords.decode(out, length, StandardCharsets.UTF_8));
            } finally {
                if (raw != null) {
                    Arrays.fill(raw, (byte) 0);
                }
            }
        } catch (CharacterCodingException e) {
            throw new IOException("The password in the Keychain is not valid UTF-8 text.");
        } finally {
            result.wipe();
        }
    }

    @Override
    public void store(String account, char[] password) throws IOException {
        CredentialStore.checkAccount(account);
        Passwords.check(password);
        if (ambiguous(password)) {
            throw new IOException("This password cannot be kept in the Keychain by SSTP Doctor (security would read it"
                    + " back as hex); it will be asked for each time.");
        }
        // -U updates an existing item instead of failing with "already exists".
        String head = "add-generic-password -U -s " + quote(SERVICE) + " -a " + quote(account) + " -w \"";
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        char[] escaped = escape(password);
        byte[] secret = Passwords.encode(escaped, StandardCharsets.UTF_8);
        Arrays.fill(escaped, '\0');
        try {
            line.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            line.writeBytes(secret);
            line.writeBytes("\"\n".getBytes(StandardCharsets.UTF_8));
            byte[] input = line.toByteArray();
            try {
                ExternalTool.Result result = tool.run(List.of("-i"), input);
                // In -i mode security exits with the status of the last (here: only) command.
                if (result.exitCode() != 0) {
                    throw new IOException(ExternalTool.scrub(failure("store", result).getMessage(), password));
                }
            } finally {
                Arrays.fill(input, (byte) 0);
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public void delete(String account) throws IOException {
        ExternalTool.Result result = tool.run(List.of("delete-generic-password", "-s", SERVICE, "-a",
                CredentialStore.checkAccount(account)), null);
        if (result.exitCode() != 0 && result.exitCode() != NOT_FOUND && !result.stderr().contains("could not be found")) {
            throw failure("delete", result);
        }
    }

    /** A double-quoted argument for security's own line splitter: backslash before '"' and '\'. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static char[] escape(char[] password) {
        int extra = 0;
        for (char c : password) {
            if (c == '"' || c == '\\') {
                extra++;
            }
        }
        char[] out = new char[password.length + extra];
        int i = 0;
        for (char c : password) {
            if (c == '"' || c == '\\') {
                out[i++] = '\\';
            }
            out[i++] = c;
        }
        return out;
    }

    /**
     * security -w's hex form: the bytes, when the output is hex of text that is not all printable
     * ASCII (which security would have printed as is); null for a plain password.
     */
    static byte[] hexDump(byte[] out, int length) {
        if (length % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[length / 2];
        for (int i = 0; i < length; i += 2) {
            int hi = Character.digit(out[i], 16);
            int lo = Character.digit(out[i + 1], 16);
            if (hi < 0 || lo < 0) {
                Arrays.fill(bytes, (byte) 0);
                return null;
            }
            bytes[i / 2] = (byte) (hi << 4 | lo);
        }
        boolean printable = true;
        for (byte b : bytes) {
            // b < 0x20 includes every byte >= 0x80 (negative): security would have printed hex.
            printable &= b >= 0x20 && b != 0x7f;
        }
        // Only text this store could have written counts as a hex dump; "cafe1234" stays a plain password.
        if (!printable && validUtf8(bytes)) {
            return bytes;
        }
        Arrays.fill(bytes, (byte) 0);
        return null;
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            char[] text = Passwords.decode(bytes, bytes.length, StandardCharsets.UTF_8);
            Arrays.fill(text, '\0');
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A printable password that security's hex output could not be told apart from. */
    static boolean ambiguous(char[] password) {
        for (char c : password) {
            if (c < 0x20 || c > 0x7e) {
                return false; // not printable ASCII: security prints it as hex, which is decoded
            }
        }
        byte[] ascii = Passwords.encode(password, StandardCharsets.US_ASCII);
        try {
            byte[] decoded = hexDump(ascii, ascii.length);
            if (decoded == null) {
                return false;
            }
            Arrays.fill(decoded, (byte) 0);
            return true;
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }

    private IOException failure(String action, ExternalTool.Result result) {
        String said = result.firstErrorLine();
        return new IOException("The Keychain could not " + action + " the proxy password (security exit "
                + result.exitCode() + (said.isEmpty() ? "" : ": " + said) + ").");
    }

    @Override
    public String toString() {
        return "MacKeychainStore[" + tool.executable() + "]";
    }
}
