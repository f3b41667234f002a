package org.sstpdoctor.probe.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.windows.WindowsCompatibility.Status;
import org.sstpdoctor.probe.windows.WindowsCompatibility.Summary;
import org.sstpdoctor.responder.ResponderCertificates;
import org.sstpdoctor.testing.RestrictedTlsServer;
import org.sstpdoctor.testing.TestCertificates;

/**
 * The compatibility table against real JSSE servers restricted through SSLParameters, with ECC and
 * RSA certificates: each family's real ClientHello goes over loopback and the server's own answer
 * decides the row.
 */
class CompatibilityCheckTest {

    static SSLContext ecc() {
        return TestCertificates.valid(); // okhttp's HeldCertificate default: an ECDSA P-256 key
    }

    static SSLContext rsa() {
        HeldCertificate leaf = new HeldCertificate.Builder().commonName("localhost").addSubjectAlternativeName("localhost")
                .rsa2048().signedBy(TestCertificates.CA).build();
        return ResponderCertificates.serverContext(leaf, TestCertificates.CA);
    }

    static WindowsCompatibility check(RestrictedTlsServer server, String javaProtocol, String javaSuite) {
        ClientHelloProber.Route route = new ClientHelloProber.Route("localhost", server.port(), "localhost",
                List.of(InetAddress.getLoopbackAddress()), server.port(), null);
        Cancellation cancellation = new Cancellation();
        return CompatibilityCheck.run(CompatibilityCheck.over(route, cancellation),
                new CompatibilityCheck.JavaHandshake(javaProtocol, javaSuite),
                System.nanoTime() + TimeUnit.SECONDS.toNanos(10), cancellation);
    }

    @Test
    void tls13OnlyServerWithEccCertificateLetsOnlyWindows11In() throws IOException {
        try (RestrictedTlsServer server = new RestrictedTlsServer(ecc(), new String[] {"TLSv1.3"}, null)) {
            WindowsCompatibility table = check(server, "TLSv1.3", "TLS_AES_256_GCM_SHA384");
            var w11 = table.row(WindowsFamily.WINDOWS_11).orElseThrow();
            assertEquals(Status.YES, w11.status(), w11.answer());
            assertEquals("TLS 1.3", w11.version());
            assertEquals("Windows 11: yes, TLS 1.3", w11.line());
            var w10 = table.row(WindowsFamily.WINDOWS_10).orElseThrow();
            assertEquals(Status.NO, w10.status());
            assertEquals("Windows 10: no \u2014 the server offers only TLS 1.3", w10.line());
            assertEquals(Status.NO, table.row(WindowsFamily.WINDOWS_7).orElseThrow().status());
            assertEquals(Summary.SOME, table.summary());
            assertEquals(4, table.handshakes(), "Windows 10 cannot be deduced from a TLS 1.3 answer");
        }
    }

    @Test
    void tls12OnlyServerWithRsaCertificateLetsWindows10And11InButNotWindows7() throws IOException {
        try (RestrictedTlsServer server = new RestrictedTlsServer(rsa(), new String[] {"TLSv1.2"}, null)) {
            WindowsCompatibility table = check(server, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
            var w11 = table.row(WindowsFamily.WINDOWS_11).orElseThrow();
            assertEquals(Status.YES, w11.status(), w11.answer());
            assertEquals("TLS 1.2", w11.version());
            var w10 = table.row(WindowsFamily.WINDOWS_10).orElseThrow();
            assertEquals(Status.YES, w10.status());
            assertTrue(w10.deduced(), "Windows 10's offer equals Windows 11's TLS 1.2 offer: no extra handshake");
            assertEquals(Status.YES, table.row(WindowsFamily.WINDOWS_8_1).orElseThrow().status());
            var w7 = table.row(WindowsFamily.WINDOWS_7).orElseThrow();
            assertEquals(Status.NO, w7.status(), w7.answer());
            assertTrue(w7.reason().contains("TLS 1.2"), w7.reason());
            assertEquals(Summary.SOME, table.summary());
            assertEquals(3, table.handshakes());
        }
    }

    @Test
    void serverWithOnlyAChaCha20SuiteIsReachableByNoWindows() throws IOException {
        try (RestrictedTlsServer server = new RestrictedTlsServer(ecc(), new String[] {"TLSv1.2"},
                new String[] {"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"})) {
            WindowsCompatibility table = check(server, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
            for (WindowsFamily family : WindowsFamily.values()) {
                assertEquals(Status.NO, table.row(family).orElseThrow().status(), family.label());
            }
            String reason = table.row(WindowsFamily.WINDOWS_10).orElseThrow().reason();
            assertTrue(reason.contains("no cipher suite") && reason.contains("CHACHA20"), reason);
            assertEquals(Summary.NONE, table.summary());
        }
    }

    @Test
    void unreachableServerIsNotTestedNotFailed() {
        ClientHelloProber.Route route = new ClientHelloProber.Route("localhost", 1, "localhost",
                List.of(InetAddress.getLoopbackAddress()), 1, null);
        Cancellation cancellation = new Cancellation();
        WindowsCompatibility table = CompatibilityCheck.run(CompatibilityCheck.over(route, cancellation),
                new CompatibilityCheck.JavaHandshake("", ""), System.nanoTime() + TimeUnit.SECONDS.toNanos(3),
                cancellation);
        table.rows().forEach(r -> assertEquals(Status.NOT_TESTED, r.status(), r.line()));
        assertEquals(Summary.UNKNOWN, table.summary());
    }

    @Test
    void noTimeLeftMeansNotTestedAndNoHandshake() {
        WindowsCompatibility table = CompatibilityCheck.run((f, t) -> {
            throw new AssertionError("no hello may be sent past the deadline");
        }, new CompatibilityCheck.JavaHandshake("TLSv1.3", ""), System.nanoTime(), new Cancellation());
        assertEquals(0, table.handshakes());
        assertTrue(table.rows().get(0).line().contains("not tested"), table.rows().get(0).line());
    }
}
