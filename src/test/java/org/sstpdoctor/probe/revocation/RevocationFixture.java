package org.sstpdoctor.probe.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sstpdoctor.responder.RevocationAuthority;
import org.sstpdoctor.responder.RevocationHttpServer;
import org.sstpdoctor.responder.RevocationHttpServer.Reply;

/**
 * A test CA and a loopback server publishing its CRLs and answering OCSP for it, in every way the
 * tests need: good, revoked, expired, 404, garbage, slow, huge, bad signature; OCSP good, revoked,
 * unknown, malformed, badly signed, signed by a delegated responder.
 */
final class RevocationFixture implements AutoCloseable {
    static final String HOST = "crl.test";
    static final long SLOW_MILLIS = 3000;
    static final long HUGE_BYTES = 2L << 20;

    final RevocationAuthority ca = RevocationAuthority.create("SSTP Doctor Test Revocation CA");
    final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    final KeyPair stranger = keys();
    final RevocationAuthority.Issued delegate = ca.issueOcspSigner();
    final RevocationHttpServer server;
    final int refusedPort;

    RevocationFixture() throws IOException {
        server = RevocationHttpServer.start(this::answer);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = s.getLocalPort(); // closed again: nothing listens there
        }
    }

    String url(String path) {
        return "http://" + HOST + ":" + server.port() + path;
    }

    String refusedUrl() {
        return "http://" + HOST + ":" + refusedPort + "/ca.crl";
    }

    X509Certificate leaf(List<String> crlUrls, List<String> ocspUrls) {
        return ca.issueServer(List.of("vpn.test"), crlUrls, ocspUrls).certificate();
    }

    List<X509Certificate> chain(X509Certificate leaf) {
        return List.of(leaf, ca.certificate());
    }

    private Reply answer(RevocationHttpServer.Request request) {
        Instant now = Instant.now();
        Map<BigInteger, Integer> list = new java.util.HashMap<>();
        revoked.forEach(s -> list.put(s, 1)); // keyCompromise
        String path = request.path().split("\\?", 2)[0];
        return switch (path) {
            case "/good.crl" -> crl(ca.crl(Map.of()));
            case "/list.crl" -> crl(ca.crl(list));
            case "/expired.crl" -> crl(ca.crl(Map.of(), now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(3)),
                    ca.privateKey()));
            case "/badsig.crl" -> crl(ca.crl(Map.of(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)),
                    stranger.getPrivate()));
            case "/garbage.crl" -> Reply.of(200, "application/pkix-crl",
                    "<html>this is not a CRL</html>".getBytes(StandardCharsets.US_ASCII));
            case "/slow.crl" -> new Reply(200, "application/pkix-crl", ca.crl(Map.of()), SLOW_MILLIS, 0);
            case "/huge.crl" -> new Reply(200, "application/pkix-crl", ca.crl(Map.of()), 0, HUGE_BYTES);
            case "/ocsp/good" -> ocsp(ca.ocspAnswer(request.body(), s -> RevocationAuthority.Status.GOOD, ca.privateKey(), null));
            case "/ocsp/list" -> ocsp(ca.ocspAnswer(request.body(), s -> revoked.contains(s)
                    ? RevocationAuthority.Status.REVOKED : RevocationAuthority.Status.GOOD, ca.privateKey(), null));
            case "/ocsp/unknown" -> ocsp(ca.ocspAnswer(request.body(), s -> RevocationAuthority.Status.UNKNOWN,
                    ca.privateKey(), null));
            case "/ocsp/malformed" -> ocsp(new byte[] {0x30, 0x03, 0x0a, 0x01, 0x00, 0x41, 0x42});
            case "/ocsp/badsig" -> ocsp(ca.ocspAnswer(request.body(), s -> RevocationAuthority.Status.GOOD,
                    stranger.getPrivate(), null));
            case "/ocsp/delegated" -> ocsp(ca.ocspAnswer(request.body(), s -> RevocationAuthority.Status.GOOD,
                    delegate.keys().getPrivate(), delegate.certificate()));
            default -> Reply.of(404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static Reply crl(byte[] bytes) {
        return Reply.of(200, "application/pkix-crl", bytes);
    }

    private static Reply ocsp(byte[] bytes) {
        return Reply.of(200, "application/ocsp-response", bytes);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
