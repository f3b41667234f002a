package org.sstpdoctor.exporter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.sstpdoctor.probe.Secret;

/**
 * Reads a module's {@code sign_in:} mapping:
 * <pre>
 *   sign_in:
 *     user: probe-account
 *     domain: CONTOSO              # optional
 *     password_file: vpn.password  # or: password_env: SSTP_PROBE_PASSWORD
 * </pre>
 * The password itself is never accepted in the configuration (a config file is shared, versioned and
 * shown on the status page); exactly one of {@code password_file} and {@code password_env} is given.
 * Error messages name the key and the file or variable, never a character of the password.
 */
final class SignInSection {
    static final Set<String> KEYS = Set.of("user", "domain", "password_file", "password_env");
    /** A password file holds one line; anything larger is the wrong file. */
    static final int MAX_PASSWORD_FILE_BYTES = 4096;
    static final int MAX_NAME_LENGTH = 256;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private SignInSection() {
    }

    static ModuleSignIn read(JsonNode node, String where, String key, Path folder, Function<String, String> environment)
            throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException(where + ": " + key + " must be a mapping with user and password_file or password_env");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!KEYS.contains(field) && field.toLowerCase(java.util.Locale.ROOT).contains("pass")) {
                throw new ConfigException(where + ": unknown key '" + key + "." + ConfigLoader.printable(field)
                        + "'; the password is never written in the configuration: use password_file or password_env");
            }
        }
        ConfigLoader.checkKeys(node, KEYS, where, key + ".");
        String user = name(node, "user", where, key);
        if (user.isEmpty()) {
            throw new ConfigException(where + ": " + key + ".user is missing; name the VPN account to sign in with");
        }
        String domain = name(node, "domain", where, key);
        boolean hasFile = node.hasNonNull("password_file");
        boolean hasEnv = node.hasNonNull("password_env");
        if (hasFile == hasEnv) {
            throw new ConfigException(where + ": " + key + ": give exactly one of password_file and password_env");
        }
        if (hasFile) {
            String named = ConfigLoader.text(node, "password_file", "", where, key);
            Path file = folder == null ? Path.of(named) : folder.resolve(named);
            return new ModuleSignIn(user, domain, passwordFromFile(file, where, key + ".password_file"), "file " + file);
        }
        String variable = ConfigLoader.text(node, "password_env", "", where, key);
        if (!ENV_NAME.matcher(variable).matches()) {
            throw new ConfigException(where + ": " + key + ".password_env: '" + ConfigLoader.printable(variable)
                    + "' is not an environment variable name");
        }
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(where + ": " + key + ".password_env: the environment variable " + variable
                    + " is not set or empty");
        }
        return new ModuleSignIn(user, domain, Secret.of(value.toCharArray()), "environment " + variable);
    }

    /** The file's first line, without its line end; the bytes and characters read are wiped afterwards. */
    static Secret passwordFromFile(Path file, String where, String key) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(where + ": " + key + ": " + file + " is not a regular file"
                    + (Files.exists(file) ? "" : " (it does not exist)"));
        }
        byte[] bytes = new byte[MAX_PASSWORD_FILE_BYTES + 1];
        int length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (length < bytes.length && (n = in.read(bytes, length, bytes.length - length)) > 0) {
                length += n;
            }
        } catch (IOException e) {
            throw new ConfigException(where + ": " + key + ": " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        CharBuffer chars = null;
        try {
            if (length > MAX_PASSWORD_FILE_BYTES) {
                throw new ConfigException(where + ": " + key + ": " + file + " is larger than " + MAX_PASSWORD_FILE_BYTES
                        + " bytes; a password file holds one line");
            }
            try {
                chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            } catch (CharacterCodingException e) {
                throw new ConfigException(where + ": " + key + ": " + file + " is not UTF-8 text");
            }
            int end = 0;
            while (end < chars.length() && chars.get(end) != '\n' && chars.get(end) != '\r') {
                end++;
            }
            if (end == 0) {
                throw new ConfigException(where + ": " + key + ": " + file + " is empty; its first line is the password");
            }
            char[] line = new char[end];
            chars.get(0, line);
            try {
                return Secret.of(line);
            } finally {
                Arrays.fill(line, '\0');
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }

    private static String name(JsonNode node, String field, String where, String key) throws ConfigException {
        String value = ConfigLoader.text(node, field, "", where, key).strip();
        if (value.length() > MAX_NAME_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigException(where + ": " + key + "." + field + " must be at most " + MAX_NAME_LENGTH
                    + " printable characters");
        }
        return value;
    }
}
