package org.sstpdoctor.responder;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HeldCertificate;

/**
 * The practice responder's certificates, published as a real CA publishes them: the server
 * certificate names a CRL distribution point and an OCSP responder on a loopback HTTP server run
 * here, so the probe's revocation check passes for a working server, finds the certificate revoked
 * for {@link Scenario#REVOKED_CERTIFICATE}, and finds nothing answering for
 * {@link Scenario#REVOCATION_DOWN}.
 */
public final class PracticePki implements AutoCloseable {
    static final String CRL_PATH = "/practice-ca.crl";
    static final String OCSP_PATH = "/ocsp";
    /** The loopback names of the practice server's certificate. */
    public static final List<String> LOOPBACK_NAMES = List.of("localhost",
            InetAddress.getLoopbackAddress().getHostAddress(), "::1");

    private final RevocationAuthority ca = RevocationAuthority.create("SSTP Doctor practice CA");
    private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    private final RevocationHttpServer server;

    private PracticePki() throws IOException {
        server = RevocationHttpServer.start(request -> {
            String path = request.path().split("\\?", 2)[0];
            if (path.equals(CRL_PATH)) {
                Map<BigInteger, Integer> list = new java.util.HashMap<>();
                revoked.forEach(serial -> list.put(serial, 1)); // keyCompromise, RFC 5280 §5.3.1
                return RevocationHttpServer.Reply.of(200, "application/pkix-crl", ca.crl(list));
            }
            if (path.equals(OCSP_PATH) && request.method().equals("POST")) {
                return RevocationHttpServer.Reply.of(200, "application/ocsp-response", ca.ocspAnswer(request.body(),
                        serial -> revoked.contains(serial) ? RevocationAuthority.Status.REVOKED
                                : RevocationAuthority.Status.GOOD, ca.privateKey(), null));
            }
            return RevocationHttpServer.Reply.of(404, "text/plain", "not found".getBytes(StandardCharsets.US_ASCII));
        });
    }

    public static PracticePki start() throws IOException {
        return new PracticePki();
    }

    /** The server's TLS context for {@code scenario}, its certificate naming the revocation addresses. */
    public SSLContext serverContext(Scenario scenario, List<String> names) {
        String base = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + (scenario == Scenario.REVOCATION_DOWN ? closedPort() : server.port());
        RevocationAuthority.Issued issued = ca.issueServer(names, List.of(base + CRL_PATH), List.of(base + OCSP_PATH));
        if (scenario == Scenario.REVOKED_CERTIFICATE) {
            revoked.add(issued.certificate().getSerialNumber());
        }
        HeldCertificate leaf = new HeldCertificate(issued.keys(), issued.certificate());
        HeldCertificate authority = new HeldCertificate(new java.security.KeyPair(ca.certificate().getPublicKey(),
                ca.privateKey()), ca.certificate());
        return ResponderCertificates.serverContext(leaf, authority);
    }

    /**
     * The SHA-256 fingerprint practice should expect for {@code scenario}, when its story is a certificate
     * other than the one the VPN server is configured with ({@link Scenario#SSL_OFFLOAD}): the fingerprint
     * of a second certificate of this CA, for the same names, which the responder never presents.
     */
    public java.util.Optional<String> expectedFingerprint(Scenario scenario) {
        if (scenario != Scenario.SSL_OFFLOAD) {
            return java.util.Optional.empty();
        }
        RevocationAuthority.Issued configured = ca.issueServer(LOOPBACK_NAMES, List.of(), List.of());
        try {
            return java.util.Optional.of(java.util.HexFormat.of().withUpperCase().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(configured.certificate().getEncoded())));
        } catch (java.security.NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("the practice certificate cannot be hashed", e);
        }
    }

    public java.security.cert.X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The practice CA in PEM, for a trusted-CA file. */
    public String caPem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(ca.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the practice CA cannot be encoded", e);
        }
    }

    /** A loopback port where nothing listens (bound, then closed): "the revocation server is down". */
    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            return 9; // the discard port: nothing listens there on loopback either
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
