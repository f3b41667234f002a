package org.sstpdoctor.cli;

import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.probe.TrustStores;

/**
 * Start-up work for {@code probe}, begun by Main before the arguments are even parsed, so that it
 * runs beside picocli instead of before the first TCP connection: on one background thread the
 * system's CAs are read and then the knowledge base, on another TLS and OkHttp are set up once (the
 * JSSE provider, one ClientHello written into memory, OkHttp's shared client and the SSTP request's
 * URL), each needing nothing of the other. The probe then finds all of it ready; whatever is not ready yet it simply does itself (class initialisation waits for the
 * thread that started it). Nothing here touches the network. Failures are ignored: the same calls
 * on the probe's own path report them properly.
 */
public final class Warmup {
    private Warmup() {
    }

    /** Starts the warm-up for the command line {@code args} when it is a probe; returns the threads at once. */
    public static List<Thread> startFor(String[] args) {
        if (args.length == 0 || !args[0].equals("probe")) {
            return List.of();
        }
        return List.of(start("sstp-doctor-warmup-tls", Warmup::tls), start("sstp-doctor-warmup-cas-kb", Warmup::casAndKnowledgeBase));
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // the probe's own path meets the same problem and reports it
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void casAndKnowledgeBase() {
        TrustStores.system(); // the first connection needs them; the knowledge base only the report
        KnowledgeBase kb = KnowledgeBase.builtIn();
        // A record's hashCode and equals are linked at their first call (invokedynamic): the report's
        // resolution keeps its entries in a set.
        new java.util.HashSet<>(kb.entries().subList(0, Math.min(2, kb.entries().size())));
    }

    private static void tls() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            // A trust manager that needs no CAs: a ClientHello consults none, and the CAs are read beside this.
            context.init(null, new TrustManager[] {new NoCertificates()}, null);
            // Writing one ClientHello loads and links the handshake code and the key-share generators.
            SSLEngine engine = context.createSSLEngine("warmup.invalid", 443);
            engine.setUseClientMode(true);
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
            new org.sstpdoctor.probe.okhttp.OkHttpTransport(); // OkHttp's shared client, made at class initialisation
            org.sstpdoctor.probe.okhttp.OkHttpTransport.prepare(); // the SSTP request's URL, host and correlation id
        } catch (Exception e) {
            // as above
        }
    }

    /** Trusts nothing; it only lets the warm-up's SSL context be made without reading the system's CAs. */
    private static final class NoCertificates implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("warm-up only");
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("warm-up only");
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }
}
