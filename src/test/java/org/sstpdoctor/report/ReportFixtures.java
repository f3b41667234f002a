package org.sstpdoctor.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HeldCertificate;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.ProxySettings;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.responder.ResponderCertificates;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** Real reports for the renderer tests: every one comes from a probe against a loopback peer. */
final class ReportFixtures {
    static final KnowledgeBase KB = KnowledgeBase.builtIn();
    /** A password that must never show up in any rendered report. */
    static final String WRONG_PASSWORD = "hunter2-secret";

    /** What a hostile server puts in its reason phrase, a header and its certificate. */
    static final String SCRIPT_REASON = "<script>alert('reason')</script>";
    static final String SCRIPT_HEADER = "<script>alert(\"header\")</script>";
    static final String SCRIPT_CERT = "<script>alert('cert')</script> | ops";
    static final String MARKDOWN_HEADER = "a | b **bold** [click](javascript:alert(1)) `tick` <b>x</b>";

    private ReportFixtures() {
    }

    record Probed(ProbeReport report, Resolution resolution) {
    }

    static Probed of(ProbeReport report) {
        return new Probed(report, Resolution.of(report, KB));
    }

    static Probed scenario(Scenario scenario, SSLContext tls) throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(scenario, tls))) {
            // Rendering fixtures: without the per-Windows ClientHellos (Java's responder refuses Windows 7's
            // TLS 1.0, which would make every working server a warning); WindowsReportTest renders the table.
            return of(TestProbes.probe().run(TestProbes.local(server.port()).withWindowsCheck(false)));
        }
    }

    static Probed working() throws IOException {
        return scenario(Scenario.WORKING, TestCertificates.valid());
    }

    static Probed notFound() throws IOException {
        return scenario(Scenario.HTTP_STATUS, TestCertificates.valid());
    }

    static Probed untrusted() throws IOException {
        return scenario(Scenario.WORKING, TestCertificates.fromOtherCa());
    }

    /** Through a proxy demanding Basic sign-in, with the given password (the retry uses it). */
    static Probed proxySignIn(String password) throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ProxyHarness proxy = ProxyHarness.basicAuth()) {
            ProbeRequest request = TestProbes.local(server.port()).withProxy(ProxySettings.manual(proxy.endpoint())
                    .withCredentials(ProxyHarness.USER, Secret.of(password.toCharArray())));
            return of(TestProbes.probe().run(request));
        }
    }

    /** Through the same proxy without credentials: the 407 as Windows sees it. */
    static Probed proxy407() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ProxyHarness proxy = ProxyHarness.basicAuth()) {
            return of(TestProbes.probe().run(TestProbes.local(server.port()).withProxy(ProxySettings.manual(proxy.endpoint()))));
        }
    }

    /**
     * A TLS server of the test's own whose certificate, reason phrase and headers carry markup, as a
     * hostile or compromised device could send.
     */
    static Probed hostile() throws IOException {
        Instant now = Instant.now();
        HeldCertificate leaf = new HeldCertificate.Builder()
                .commonName("localhost")
                .organizationalUnit(SCRIPT_CERT)
                .addSubjectAlternativeName("localhost")
                .validityInterval(now.minus(Duration.ofDays(1)).toEpochMilli(), now.plus(Duration.ofDays(100)).toEpochMilli())
                .signedBy(TestCertificates.CA)
                .build();
        SSLContext tls = ResponderCertificates.serverContext(leaf, TestCertificates.CA);
        String reply = "HTTP/1.1 418 " + SCRIPT_REASON + "\r\n"
                + "Server: " + SCRIPT_HEADER + "\r\n"
                + "X-Note: " + MARKDOWN_HEADER + "\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n";
        try (ServerSocket server = tls.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> answerOnce(server, reply), "hostile-server");
            t.setDaemon(true);
            t.start();
            return of(TestProbes.probe().run(TestProbes.local(server.getLocalPort())));
        }
    }

    /** What a server puts in its answer so that a ticket system would make links of it. */
    static final String LINKS = "see www.evil.example or https://evil.example/login or admin@evil.example";

    /** A TLS server of the test's own that answers 404 with links in its reason phrase and a header. */
    static Probed linking() throws IOException {
        String reply = "HTTP/1.1 404 " + LINKS + "\r\nServer: " + LINKS + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        try (ServerSocket server = TestCertificates.valid().getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> answerOnce(server, reply), "linking-server");
            t.setDaemon(true);
            t.start();
            return of(TestProbes.probe().run(TestProbes.local(server.getLocalPort())));
        }
    }

    private static void answerOnce(ServerSocket server, String reply) {
        try (Socket s = server.accept()) {
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && head.size() < 65536) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            OutputStream out = s.getOutputStream();
            out.write(reply.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException ignored) {
            // the probe hung up or the test ended: nothing to answer
        }
    }
}
