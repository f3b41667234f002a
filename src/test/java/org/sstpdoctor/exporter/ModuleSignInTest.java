package org.sstpdoctor.exporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in and revocation keys of a module: where the password may come from, and where it may not. */
class ModuleSignInTest {
    private static final String PASSWORD = "s3cret-Pa55";

    @TempDir
    Path dir;

    private ExporterConfig load(String yaml, Map<String, String> env) throws Exception {
        return ConfigLoader.load(Files.writeString(dir.resolve("sstp.yml"), yaml), env::get);
    }

    private String problem(String yaml, Map<String, String> env) {
        String message = assertThrows(ConfigException.class, () -> load(yaml, env)).getMessage();
        assertFalse(message.contains(PASSWORD), "an error never shows the password: " + message);
        return message;
    }

    @Test
    void passwordFromAFileNextToTheConfigurationItsFirstLineOnly() throws Exception {
        Files.writeString(dir.resolve("vpn.password"), PASSWORD + "\r\nsecond line is not the password\n");
        ModuleConfig m = load("""
                modules:
                  signin:
                    sign_in: {user: probe, domain: CONTOSO, password_file: vpn.password}
                """, Map.of()).module("signin").orElseThrow();
        assertEquals("CONTOSO\\probe", m.signIn().account());
        assertArrayEquals(PASSWORD.toCharArray(), m.signIn().password().reveal());
        assertEquals("file " + dir.resolve("vpn.password"), m.signIn().passwordSource());
        assertFalse(m.toString().contains(PASSWORD), m.toString());
        assertFalse(m.signIn().toString().contains(PASSWORD));
    }

    @Test
    void passwordFromAnEnvironmentVariable() throws Exception {
        ModuleConfig m = load("modules: {signin: {sign_in: {user: probe, password_env: SSTP_PROBE_PW}}}",
                Map.of("SSTP_PROBE_PW", PASSWORD)).module("signin").orElseThrow();
        assertArrayEquals(PASSWORD.toCharArray(), m.signIn().password().reveal());
        assertEquals("environment SSTP_PROBE_PW", m.signIn().passwordSource());
        assertEquals("probe", m.signIn().account());
    }

    @Test
    void noSignInAndBothChecksOnByDefault() throws Exception {
        ModuleConfig m = load("modules: {default: {}}", Map.of()).module("default").orElseThrow();
        assertNull(m.signIn());
        assertTrue(m.revocationCheck());
        assertTrue(m.windowsCheck());
        assertTrue(ModuleConfig.defaultModule().revocationCheck());
    }

    @Test
    void revocationCheckCanBeTurnedOffAndMustBeABoolean() throws Exception {
        assertFalse(load("modules: {fast: {revocation_check: false}}", Map.of()).module("fast").orElseThrow().revocationCheck());
        assertTrue(problem("modules: {fast: {revocation_check: maybe}}", Map.of())
                .contains("modules.fast.revocation_check must be true or false"));
    }

    @Test
    void aSignInNeedsTheRevocationCheck() {
        String message = problem("modules: {s: {revocation_check: false, sign_in: {user: probe, password_env: PW}}}",
                Map.of("PW", PASSWORD));
        assertTrue(message.contains("modules.s: sign_in needs revocation_check"), message);
    }

    @Test
    void thePasswordItselfIsRefusedInTheConfiguration() {
        String message = problem("modules: {s: {sign_in: {user: probe, password: " + PASSWORD + "}}}", Map.of());
        assertTrue(message.contains("unknown key 'modules.s.sign_in.password'"), message);
        assertTrue(message.contains("never written in the configuration"), message);
    }

    @Test
    void clearErrorsForEveryMistake() throws IOException {
        Files.write(dir.resolve("empty.pw"), new byte[0]);
        Files.write(dir.resolve("latin1.pw"), "gr\u00fc\u00df".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("big.pw"), new byte[SignInSection.MAX_PASSWORD_FILE_BYTES + 1]);
        Files.createDirectory(dir.resolve("folder.pw"));
        Map<String, String> env = Map.of("EMPTY", "");
        String[][] cases = {
                {"{password_env: X}", "modules.s.sign_in.user is missing"},
                {"{user: probe}", "give exactly one of password_file and password_env"},
                {"{user: probe, password_env: X, password_file: a}", "give exactly one of"},
                {"{user: probe, password_env: NOT_SET}", "environment variable NOT_SET is not set or empty"},
                {"{user: probe, password_env: EMPTY}", "environment variable EMPTY is not set or empty"},
                {"{user: probe, password_env: \"1 bad\"}", "is not an environment variable name"},
                {"{user: probe, password_file: missing.pw}", "is not a regular file (it does not exist)"},
                {"{user: probe, password_file: folder.pw}", "is not a regular file"},
                {"{user: probe, password_file: empty.pw}", "is empty; its first line is the password"},
                {"{user: probe, password_file: latin1.pw}", "is not UTF-8 text"},
                {"{user: probe, password_file: big.pw}", "larger than 4096 bytes"},
                {"{user: [a, b], password_env: X}", "modules.s.sign_in.user must be a single value"},
                {"probe", "modules.s.sign_in must be a mapping"},
        };
        for (String[] c : cases) {
            String message = problem("modules: {s: {sign_in: " + c[0] + "}}", env);
            assertTrue(message.contains(c[1]), c[0] + " -> " + message);
            assertTrue(message.contains("sstp.yml"), "names the file: " + message);
        }
    }

    @Test
    void statusPageNamesTheAccountAndTheSourceNeverThePassword() throws Exception {
        ExporterConfig config = load("modules: {s: {sign_in: {user: probe, password_env: PW}}, fast: {revocation_check: false}}",
                Map.of("PW", PASSWORD));
        String page = StatusPage.render(config, new RecentProbes(), null, java.time.ZoneOffset.UTC);
        assertTrue(page.contains("probe (password from environment PW)"), page);
        assertTrue(page.contains("revocation off"), page);
        assertFalse(page.contains(PASSWORD));
    }
}
