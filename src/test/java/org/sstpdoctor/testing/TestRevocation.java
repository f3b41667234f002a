package org.sstpdoctor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.tls.HeldCertificate;
import org.sstpdoctor.responder.RevocationAuthority;
import org.sstpdoctor.responder.RevocationHttpServer;

/**
 * The test CAs publish their CRLs, as real CAs do, on one loopback server for the whole test run:
 * the test certificates name it as their CRL distribution point, so every probe of a test server
 * checks revocation as Windows would (and finds the certificate good).
 */
public final class TestRevocation {
    private static final RevocationHttpServer SERVER = start();

    private TestRevocation() {
    }

    /** The CRL address for {@code ca} (the test CA or the other one). */
    static String crlUrl(HeldCertificate ca) {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + SERVER.port() + "/"
                + (ca == TestCertificates.OTHER_CA ? "other-ca.crl" : "test-ca.crl");
    }

    private static RevocationHttpServer start() {
        try {
            return RevocationHttpServer.start(request -> {
                HeldCertificate ca = request.path().startsWith("/other-ca.crl") ? TestCertificates.OTHER_CA
                        : request.path().startsWith("/test-ca.crl") ? TestCertificates.CA : null;
                if (ca == null) {
                    return RevocationHttpServer.Reply.of(404, "text/plain", "no".getBytes(StandardCharsets.US_ASCII));
                }
                byte[] crl = RevocationAuthority.of(ca.certificate(), ca.keyPair()).crl(Map.of());
                return RevocationHttpServer.Reply.of(200, "application/pkix-crl", crl);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
