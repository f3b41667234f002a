package org.sstpdoctor.exporter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.probe.SystemProxyDetector;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** An exporter on loopback that trusts the test CA and resolves names only to loopback. */
final class ExporterHarness implements AutoCloseable {
    static final ExporterEnvironment ENVIRONMENT = new ExporterEnvironment(TestProbes.LOOPBACK_ONLY,
            new SystemProxyDetector(Map.of(), new Properties(), null), KnowledgeBase.builtIn(), Clock.systemUTC());

    final Exporter exporter;
    final Path configFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ExporterHarness(Exporter exporter, Path configFile) {
        this.exporter = exporter;
        this.configFile = configFile;
    }

    /** {@code modulesYaml} may name {@code CA} for the test CA's file. */
    static ExporterHarness start(Path dir, String yaml) throws Exception {
        Path ca = dir.resolve("test-ca.pem");
        Files.writeString(ca, TestCertificates.CA.certificatePem());
        Path file = Files.writeString(dir.resolve("sstp-exporter.yml"), yaml.replace("CA", ca.toString()));
        ExporterConfig config = ConfigLoader.load(file);
        return new ExporterHarness(Exporter.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config,
                ENVIRONMENT), file);
    }

    String base() {
        return "http://127.0.0.1:" + exporter.address().getPort();
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, Map.of());
    }

    HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one sample line such as {@code probe_success 1.0}, or null. */
    static Double sample(String metrics, String series) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return null;
    }

    @Override
    public void close() {
        exporter.close();
    }
}
