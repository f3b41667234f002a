package org.sstpdoctor.exporter;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sstpdoctor.probe.ProxySettings;
import org.sstpdoctor.probe.TrustStores;
import org.sstpdoctor.probe.evidence.CryptoBinding;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.text.PeerText;

/**
 * Reads the exporter's YAML configuration, in the blackbox exporter's shape:
 * <pre>
 * allowed_targets: [vpn.example.com, "*.example.org", 203.0.113.0/24]   # optional; default: any
 * max_concurrent_probes: 16                                             # optional
 * modules:
 *   default:
 *     proxy: system            # none | system | HOST:PORT
 *     trust_ca: [private-ca.pem]
 *     timeout: 10s
 *     expect_certificate: "AB:CD:…"   # SHA-256 (or SHA-1) of the leaf the gateway must present
 *     windows_check: true         # try each Windows family's TLS handshake
 *     revocation_check: true      # check the chain's CRL/OCSP as Windows does
 *     sign_in:                    # optional: sign in with a VPN account (see SignInSection)
 *       user: probe-account
 *       password_file: vpn.password   # or password_env: VARIABLE; never the password itself
 * </pre>
 * Every problem is a {@link ConfigException} naming the file, the line and the key; unknown keys are
 * errors too, so a typo never silently turns a check off.
 */
public final class ConfigLoader {
    /** A configuration is a few kilobytes; anything near this is not one. */
    static final long MAX_BYTES = 1024 * 1024;
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> TOP_KEYS = Set.of("modules", "allowed_targets", "max_concurrent_probes");
    private static final Set<String> MODULE_KEYS = Set.of("prober", "proxy", "trust_ca", "timeout", "expect_certificate",
            "windows_check", "revocation_check", "sign_in");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern GO_DURATION = Pattern.compile("(\\d{1,6})(ms|s|m|h)");

    private ConfigLoader() {
    }

    public static ExporterConfig load(Path file) throws ConfigException {
        return load(file, System::getenv);
    }

    /** As {@link #load(Path)}, with the environment variables a {@code password_env} is looked up in. */
    public static ExporterConfig load(Path file, Function<String, String> environment) throws ConfigException {
        String where = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(where + ": not a regular file" + (Files.exists(file) ? "" : " (it does not exist)"));
        }
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(where + ": larger than " + MAX_BYTES / 1024 + " KiB; this is not a configuration file");
            }
            root = parse(Files.newInputStream(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + at(e.getLocation()) + ": not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot be read: " + e.getMessage());
        }
        Path folder = file.toAbsolutePath().getParent();
        return fromTree(root, file, folder, environment);
    }

    static JsonNode parse(InputStream in) throws IOException {
        YAMLFactory factory = YAMLFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64 * 1024)
                        .maxNumberLength(20).build())
                .build();
        try (in) {
            return new ObjectMapper(factory).readTree(in);
        }
    }

    static ExporterConfig fromTree(JsonNode root, Path source, Path folder) throws ConfigException {
        return fromTree(root, source, folder, System::getenv);
    }

    static ExporterConfig fromTree(JsonNode root, Path source, Path folder, Function<String, String> environment)
            throws ConfigException {
        String where = source == null ? "the configuration" : source.toString();
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(where + ": empty; it needs a 'modules:' section");
        }
        requireObject(root, where, "the file");
        checkKeys(root, TOP_KEYS, where, "");
        JsonNode modulesNode = root.get("modules");
        if (modulesNode == null || !modulesNode.isObject() || modulesNode.isEmpty()) {
            throw new ConfigException(where + ": 'modules:' is missing or empty; name at least one module");
        }
        Map<String, ModuleConfig> modules = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = modulesNode.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!NAME.matcher(entry.getKey()).matches()) {
                throw new ConfigException(where + ": module name '" + printable(entry.getKey())
                        + "' must be 1-64 letters, digits, '_', '-' or '.'");
            }
            modules.put(entry.getKey(), module(entry.getKey(), entry.getValue(), where, folder, environment));
        }
        TargetPolicy policy = TargetPolicy.ANY;
        JsonNode allowed = root.get("allowed_targets");
        if (allowed != null && !allowed.isNull()) {
            try {
                policy = TargetPolicy.of(strings(allowed, where, "allowed_targets"));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": allowed_targets: " + e.getMessage());
            }
        }
        int concurrency = ExporterConfig.DEFAULT_MAX_CONCURRENT;
        JsonNode max = root.get("max_concurrent_probes");
        if (max != null) {
            if (!max.canConvertToInt() || !max.isIntegralNumber() || max.intValue() < 1
                    || max.intValue() > ExporterConfig.MAX_CONCURRENT_LIMIT) {
                throw new ConfigException(where + ": max_concurrent_probes must be a whole number from 1 to "
                        + ExporterConfig.MAX_CONCURRENT_LIMIT);
            }
            concurrency = max.intValue();
        }
        return new ExporterConfig(source, modules, policy, concurrency);
    }

    private static ModuleConfig module(String name, JsonNode node, String where, Path folder,
                                       Function<String, String> environment) throws ConfigException {
        String key = "modules." + name;
        if (node == null || node.isNull()) {
            node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        requireObject(node, where, key);
        checkKeys(node, MODULE_KEYS, where, key + ".");
        JsonNode prober = node.get("prober");
        if (prober != null && !"sstp".equals(prober.asText())) {
            throw new ConfigException(where + ": " + key + ".prober: this exporter has one prober, 'sstp'");
        }
        String proxyText = text(node, "proxy", "system", where, key);
        ProxySettings proxy;
        try {
            proxy = switch (proxyText.trim().toLowerCase(Locale.ROOT)) {
                case "none" -> ProxySettings.NONE;
                case "system" -> ProxySettings.SYSTEM;
                default -> ProxySettings.manual(ProxyAddressParser.parse(proxyText.trim()));
            };
        } catch (InputException e) {
            throw new ConfigException(where + ": " + key + ".proxy: " + e.getMessage());
        }
        Duration timeout = ModuleConfig.DEFAULT_TIMEOUT;
        if (node.has("timeout")) {
            timeout = duration(text(node, "timeout", "", where, key), where, key + ".timeout");
        }
        List<Path> trustFiles = new ArrayList<>();
        List<X509Certificate> trust = new ArrayList<>();
        JsonNode ca = node.get("trust_ca");
        if (ca != null && !ca.isNull()) {
            for (String each : strings(ca, where, key + ".trust_ca")) {
                Path path = folder == null ? Path.of(each) : folder.resolve(each);
                try {
                    trust.addAll(TrustStores.readCertificates(path));
                } catch (InputException e) {
                    throw new ConfigException(where + ": " + key + ".trust_ca: " + e.getMessage());
                }
                trustFiles.add(path);
            }
        }
        String expected = "";
        if (node.has("expect_certificate") && !node.get("expect_certificate").isNull()) {
            String typed = text(node, "expect_certificate", "", where, key);
            expected = CryptoBinding.normalise(typed).orElseThrow(() -> new ConfigException(where + ": " + key
                    + ".expect_certificate: '" + printable(typed) + "' is not a SHA-256 (64 hex digits) or SHA-1 (40) fingerprint"));
        }
        boolean windowsCheck = flag(node, "windows_check", where, key);
        boolean revocationCheck = flag(node, "revocation_check", where, key);
        ModuleSignIn signIn = null;
        if (node.hasNonNull("sign_in")) {
            if (!revocationCheck) {
                throw new ConfigException(where + ": " + key + ": sign_in needs revocation_check: the password is sent only"
                        + " past a certificate whose revocation was checked");
            }
            signIn = SignInSection.read(node.get("sign_in"), where, key + ".sign_in", folder, environment);
        }
        return new ModuleConfig(name, proxy, proxyText.trim(), trustFiles, trust, timeout, expected, windowsCheck,
                revocationCheck, signIn);
    }

    /** A check that is on unless the module says {@code false}. */
    private static boolean flag(JsonNode node, String field, String where, String key) throws ConfigException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw new ConfigException(where + ": " + key + "." + field + " must be true or false");
        }
        return value.booleanValue();
    }

    /** Go's duration form as Prometheus writes it: 10s, 500ms, 1m30s. */
    static Duration duration(String text, String where, String key) throws ConfigException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = GO_DURATION.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        if (t.isEmpty() || end != t.length()) {
            throw new ConfigException(where + ": " + key + ": '" + printable(text) + "' is not a duration like 10s, 500ms or 1m30s");
        }
        if (total.compareTo(MIN_TIMEOUT) < 0 || total.compareTo(MAX_TIMEOUT) > 0) {
            throw new ConfigException(where + ": " + key + ": must be from 100ms to 2m; it is " + printable(text));
        }
        return total;
    }

    static void checkKeys(JsonNode node, Set<String> allowed, String where, String prefix) throws ConfigException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new ConfigException(where + ": unknown key '" + prefix + printable(field) + "'; known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static void requireObject(JsonNode node, String where, String what) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException(where + ": " + what + " must be a mapping of keys to values");
        }
    }

    static String text(JsonNode node, String field, String fallback, String where, String key) throws ConfigException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode()) {
            throw new ConfigException(where + ": " + key + "." + field + " must be a single value");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String where, String key) throws ConfigException {
        List<String> out = new ArrayList<>();
        if (node.isValueNode()) {
            out.add(node.asText());
            return out;
        }
        if (!node.isArray()) {
            throw new ConfigException(where + ": " + key + " must be a list");
        }
        if (node.size() > 10_000) {
            throw new ConfigException(where + ": " + key + " has more than 10,000 entries");
        }
        for (JsonNode each : node) {
            if (!each.isValueNode()) {
                throw new ConfigException(where + ": " + key + " must be a list of single values");
            }
            out.add(each.asText());
        }
        return out;
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " line " + location.getLineNr();
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message;
        int nl = m.indexOf('\n');
        return printable(nl < 0 ? m : m.substring(0, nl));
    }

    /** The file is the operator's, but an error message still must not carry control characters. */
    static String printable(String text) {
        String shown = PeerText.line(text);
        return shown.length() <= 200 ? shown : shown.substring(0, 200) + "...";
    }
}
