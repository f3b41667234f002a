package org.sstpdoctor.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;

/**
 * A real Prometheus (Debian's package, installed by the test build) scrapes the exporter with the
 * shipped multi-target configuration, and the test reads the answers through Prometheus' query API.
 * promtool checks the shipped configuration and runs the alert rules' unit tests.
 */
class PrometheusEndToEndTest {
    static final Path SHIPPED = Path.of("installers", "prometheus");

    @TempDir
    Path dir;

    @Test
    void shippedConfigurationAndRulesPassPromtool() throws Exception {
        assertEquals(0, run(dir, "promtool", "check", "config", SHIPPED.resolve("prometheus.yml").toAbsolutePath().toString()),
                Files.readString(dir.resolve("out.log")));
        assertEquals(0, run(dir, "promtool", "check", "rules", SHIPPED.resolve("sstp-alerts.yml").toAbsolutePath().toString()),
                Files.readString(dir.resolve("out.log")));
        // promtool resolves the test's rule_files next to it: run it on a copy, so the source tree stays clean.
        for (String f : List.of("sstp-alerts.yml", "sstp-alerts.test.yml")) {
            Files.copy(SHIPPED.resolve(f), dir.resolve(f));
        }
        assertEquals(0, run(dir, "promtool", "test", "rules", "sstp-alerts.test.yml"), Files.readString(dir.resolve("out.log")));
        // The shipped exporter configuration is valid as it stands.
        ExporterConfig example = ConfigLoader.load(SHIPPED.resolve("sstp-exporter.yml"));
        assertTrue(example.modules().containsKey("default"));
        assertTrue(new ObjectMapper().readTree(SHIPPED.resolve("grafana-dashboard.json").toFile()).get("panels").size() > 5);
    }

    @Test
    void prometheusScrapesPassingAndFailingGateways() throws Exception {
        try (SstpResponder working = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             SstpResponder nak = SstpResponder.start(ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid()));
             ExporterHarness exporter = ExporterHarness.start(dir,
                     "modules:\n  default:\n    proxy: none\n    trust_ca: [CA]\n    timeout: 3s\n")) {
            String good = "localhost:" + working.port();
            String bad = "localhost:" + nak.port();
            int port = freePort();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, scrapeConfig(List.of(good, bad), "127.0.0.1:" + exporter.exporter.address().getPort()));
            Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                // The first scrapes may meet a cold JVM on a loaded machine; the answer must settle to the truth.
                // Java's responder refuses Windows 7's TLS 1.0: the working gateway passes with that warning.
                Map<String, String> seen = waitFor(port, Map.of(good, "1 some_windows_cannot_connect", bad, "0 sstp_nak"));
                assertEquals("1 some_windows_cannot_connect", seen.get(good), "the working gateway: " + seen);
                assertEquals("0 sstp_nak", seen.get(bad), "the one that answers with a Nak: " + seen);
                JsonNode expiry = query(port, "probe_ssl_earliest_cert_expiry - time() > 0");
                assertEquals(2, expiry.size(), "both chains are valid: " + expiry);
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The shipped prometheus.yml, with the test's targets, exporter and a one-second interval. */
    private static String scrapeConfig(List<String> targets, String exporterAddress) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode root = (ObjectNode) yaml.readTree(SHIPPED.resolve("prometheus.yml").toFile());
        ((ObjectNode) root.get("global")).put("scrape_interval", "3s").put("evaluation_interval", "1s");
        root.remove("rule_files");
        ArrayNode jobs = (ArrayNode) root.get("scrape_configs");
        ObjectNode sstp = (ObjectNode) jobs.get(0);
        assertEquals("sstp", sstp.get("job_name").asText());
        sstp.put("scrape_timeout", "3s");
        ArrayNode list = ((ObjectNode) sstp.get("static_configs").get(0)).putArray("targets");
        targets.forEach(list::add);
        boolean replaced = false;
        for (JsonNode rule : sstp.get("relabel_configs")) {
            if ("__address__".equals(rule.path("target_label").asText())) {
                ((ObjectNode) rule).put("replacement", exporterAddress);
                replaced = true;
            }
        }
        assertTrue(replaced, "the shipped config points __address__ at the exporter");
        jobs.remove(1);
        return yaml.writeValueAsString(root);
    }

    /** Polls until each instance shows "probe_success outcome" as expected, or 60 s pass; returns the last seen. */
    private static Map<String, String> waitFor(int port, Map<String, String> expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, String> seen = new HashMap<>();
        while (System.nanoTime() < deadline) {
            try {
                Map<String, String> success = new HashMap<>();
                query(port, "probe_success").forEach(r -> success.put(r.get("metric").get("instance").asText(),
                        r.get("value").get(1).asText()));
                seen.clear();
                query(port, "sstp_outcome_info").forEach(r -> {
                    String instance = r.get("metric").get("instance").asText();
                    seen.put(instance, success.get(instance) + " " + r.get("metric").get("outcome").asText());
                });
                if (seen.entrySet().containsAll(expected.entrySet())) {
                    return seen;
                }
            } catch (IOException e) {
                // Prometheus is still starting
            }
            Thread.sleep(250);
        }
        return seen;
    }

    private static JsonNode query(int port, String promql) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertEquals("success", body.path("status").asText(), r.body());
        return body.get("data").get("result");
    }

    private static int run(Path where, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true)
                .redirectOutput(where.resolve("out.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        return p.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
