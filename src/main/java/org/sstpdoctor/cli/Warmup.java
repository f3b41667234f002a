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
 * runs beside picocli instead of before the first TCP connection: on two background threads the
 * knowledge base is read, and TLS and OkHttp are set up once (the system's CAs, the JSSE provider,
 * one ClientHello written into memory, OkHttp's shared client and the SSTP request's URL). The probe then finds all of it
 * ready; whatever is not ready yet it simply does itself (class initialisation waits for the
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
        return List.of(start("sstp-doctor-warmup-tls", Warmup::tls), start("sstp-doctor-warmup-kb", KnowledgeBase::builtIn));
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

    private static void tls() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {TrustStores.system()}, null);
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
}
