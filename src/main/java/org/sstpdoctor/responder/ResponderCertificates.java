package org.sstpdoctor.responder;

import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Certificates for the responder made at run time: a practice CA and a server certificate it
 * signs for the loopback names. Nothing is read from or written to disk here.
 */
public final class ResponderCertificates {
    private final HeldCertificate ca;
    private final HeldCertificate server;

    private ResponderCertificates(HeldCertificate ca, HeldCertificate server) {
        this.ca = ca;
        this.server = server;
    }

    /** A CA named "SSTP Doctor practice CA" and a server certificate for the given names, valid 30 days. */
    public static ResponderCertificates forNames(List<String> names) {
        Instant now = Instant.now();
        HeldCertificate ca = new HeldCertificate.Builder()
                .commonName("SSTP Doctor practice CA")
                .certificateAuthority(0)
                .validityInterval(now.minus(Duration.ofHours(1)).toEpochMilli(), now.plus(Duration.ofDays(3650)).toEpochMilli())
                .build();
        HeldCertificate.Builder server = new HeldCertificate.Builder()
                .commonName(names.isEmpty() ? "localhost" : names.get(0))
                .signedBy(ca)
                .validityInterval(now.minus(Duration.ofHours(1)).toEpochMilli(), now.plus(Duration.ofDays(365)).toEpochMilli());
        for (String name : names) {
            server.addSubjectAlternativeName(name);
        }
        return new ResponderCertificates(ca, server.build());
    }

    /** Certificates for "localhost", 127.0.0.1 and ::1. */
    public static ResponderCertificates loopback() {
        return forNames(List.of("localhost", InetAddress.getLoopbackAddress().getHostAddress(), "::1"));
    }

    public String caPem() {
        return ca.certificatePem();
    }

    public HeldCertificate ca() {
        return ca;
    }

    public HeldCertificate server() {
        return server;
    }

    /** A server TLS context presenting the server certificate and the CA above it. */
    public SSLContext serverContext() {
        return serverContext(server, ca);
    }

    /** A server TLS context presenting {@code leaf} followed by {@code chain}. */
    public static SSLContext serverContext(HeldCertificate leaf, HeldCertificate... chain) {
        java.security.cert.X509Certificate[] intermediates = new java.security.cert.X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            intermediates[i] = chain[i].certificate();
        }
        HandshakeCertificates certificates = new HandshakeCertificates.Builder()
                .heldCertificate(leaf, intermediates)
                .build();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {certificates.keyManager()}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }
}
