package org.sstpdoctor.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.testing.TestCertificates;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sstp.yml"), yaml);
    }

    private String problem(String yaml) throws IOException {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(write(yaml))).getMessage();
    }

    @Test
    void readsEveryKeyOfTheBlackboxShape() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), TestCertificates.CA.certificatePem());
        ExporterConfig config = ConfigLoader.load(write("""
                allowed_targets: [vpn.example.com, "*.example.org", 203.0.113.0/24]
                max_concurrent_probes: 4
                modules:
                  default:
                    prober: sstp
                  office:
                    proxy: proxy.example.com:3128
                    trust_ca: [ca.pem]
                    timeout: 1m30s
                  direct:
                    proxy: none
                    timeout: 500ms
                """));
        assertEquals(java.util.List.of("default", "office", "direct"), java.util.List.copyOf(config.modules().keySet()));
        assertEquals(4, config.maxConcurrentProbes());
        ModuleConfig office = config.module("office").orElseThrow();
        assertEquals(ProxyMode.MANUAL, office.proxy().mode());
        assertEquals("proxy.example.com:3128", office.proxy().endpoint().toString());
        assertEquals(Duration.ofSeconds(90), office.timeout());
        assertEquals(1, office.extraTrust().size(), "the relative CA path is read next to the configuration");
        assertEquals(dir.resolve("ca.pem"), office.trustCa().get(0));
        assertEquals(ProxyMode.SYSTEM, config.module("default").orElseThrow().proxy().mode());
        assertEquals(ModuleConfig.DEFAULT_TIMEOUT, config.module("default").orElseThrow().timeout());
        assertEquals(ProxyMode.NONE, config.module("direct").orElseThrow().proxy().mode());
        assertTrue(config.policy().allowsName("vpn.example.com"));
        assertTrue(config.policy().allowsName("a.example.org"));
        assertEquals(false, config.policy().allowsName("example.org"));
        assertEquals(false, config.policy().allowsName("evil.example.com"));
    }

    @Test
    void builtInDefaultIsSystemProxyTenSecondsAnyTarget() {
        ExporterConfig config = ExporterConfig.builtIn();
        ModuleConfig module = config.module("default").orElseThrow();
        assertEquals(ProxyMode.SYSTEM, module.proxy().mode());
        assertEquals(Duration.ofSeconds(10), module.timeout());
        assertTrue(module.extraTrust().isEmpty());
        assertTrue(config.policy().allowsAny());
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> problems() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {timeout: 10x}}", "modules.default.timeout: '10x' is not a duration"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {timeout: 0s}}", "modules.default.timeout: must be from 100ms to 2m"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {timeout: 3m}}", "modules.default.timeout: must be from 100ms to 2m"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {timout: 10s}}", "unknown key 'modules.default.timout'"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {proxy: \"http://\"}}", "modules.default.proxy:"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {prober: http}}", "this exporter has one prober, 'sstp'"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {trust_ca: [missing.pem]}}", "modules.default.trust_ca:"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {}", "'modules:' is missing or empty"),
                org.junit.jupiter.params.provider.Arguments.of("other: 1", "unknown key 'other'"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {\"bad name\": {}}", "module name 'bad name' must be"),
                org.junit.jupiter.params.provider.Arguments.of("allowed_targets: [\"a b\"]\nmodules: {default: {}}", "allowed_targets: 'a b' is not a host name"),
                org.junit.jupiter.params.provider.Arguments.of("allowed_targets: [10.0.0.0/33]\nmodules: {default: {}}", "allowed_targets: '10.0.0.0/33' has a prefix length"),
                org.junit.jupiter.params.provider.Arguments.of("max_concurrent_probes: 0\nmodules: {default: {}}", "max_concurrent_probes must be a whole number from 1 to 256"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {expect_certificate: nothex}}", "modules.default.expect_certificate: 'nothex' is not a SHA-256"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {windows_check: maybe}}", "modules.default.windows_check must be true or false"),
                org.junit.jupiter.params.provider.Arguments.of("modules: [a, b]", "'modules:' is missing or empty"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {timeout: [1]}}", "modules.default.timeout must be a single value"),
                org.junit.jupiter.params.provider.Arguments.of("just a string", "the file must be a mapping"),
                org.junit.jupiter.params.provider.Arguments.of("modules: {default: {proxy: none}\n  bad: [", "not valid YAML"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("problems")
    void everyProblemNamesTheFileAndTheKey(String yaml, String expected) throws IOException {
        String message = problem(yaml);
        assertTrue(message.contains(expected), message);
        assertTrue(message.startsWith(dir.resolve("sstp.yml").toString()), message);
        assertEquals(-1, message.indexOf('\n'), "one line: " + message);
    }

    @Test
    void emptyFileAsksForModules() throws IOException {
        assertTrue(problem("").contains("empty; it needs a 'modules:' section"));
    }

    @Test
    void deepNestingIsAnErrorNotACrash() throws IOException {
        String deep = "modules: " + "[".repeat(5000) + "]".repeat(5000);
        assertTrue(problem(deep).contains("not valid YAML"));
    }

    @Test
    void onlyRegularFilesOfBoundedSize() throws IOException {
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(dir)).getMessage().contains("not a regular file"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yml"))).getMessage()
                .contains("does not exist"));
        Path big = dir.resolve("big.yml");
        Files.write(big, new byte[(int) ConfigLoader.MAX_BYTES + 1]);
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(big)).getMessage().contains("larger than"));
    }

    @Test
    void controlCharactersInAKeyAreShownNotPrinted() throws IOException {
        String message = problem("modules: {default: {\"t\\e[2Jx\": 1}}");
        assertTrue(message.contains("\\u001B"), message);
        assertEquals(-1, message.indexOf('\u001b'));
    }
}
