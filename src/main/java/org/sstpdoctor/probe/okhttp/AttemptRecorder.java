package org.sstpdoctor.probe.okhttp;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Response;
import org.sstpdoctor.probe.Failure;
import org.sstpdoctor.probe.ProxyReply;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.probe.TlsFacts;
import org.sstpdoctor.probe.Transport;

/**
 * The facts of one connection as they happen: OkHttp's events, the socket taps, the certificate
 * seen. It records and reports stage starts and passes; the engine classifies afterwards, from
 * the snapshot the transport makes of what this holds.
 */
final class AttemptRecorder extends EventListener {
    private final Transport.TransportEvents events;
    private final boolean viaProxy;

    private final List<String> connectAttempts = new ArrayList<>();
    private final List<SocketTap> taps = new ArrayList<>();
    private final Set<Socket> openSockets = new LinkedHashSet<>();
    private String connectedTo = "";
    private boolean tlsStarted;
    private SocketTap tlsTap;
    private Handshake handshake;
    private List<X509Certificate> chain = List.of();
    private CertificateException trustFailure;
    private byte[] requestHead;
    private Response response;
    private double responseAt = -1;
    private List<ProxyReply> proxyReplies;

    AttemptRecorder(Transport.TransportEvents events, boolean viaProxy) {
        this.events = events;
        this.viaProxy = viaProxy;
    }

    // --- raw sockets --------------------------------------------------------------------------

    synchronized void socketOpened(Socket socket) {
        openSockets.add(socket);
    }

    synchronized void socketClosed(Socket socket) {
        openSockets.remove(socket);
    }

    /** Closes every raw socket of this attempt: the last word on cleanup and on cancel. */
    void closeAll() {
        List<Socket> sockets;
        synchronized (this) {
            sockets = new ArrayList<>(openSockets);
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is best effort; the socket is gone either way
            }
        }
    }

    synchronized int openSocketCount() {
        return openSockets.size();
    }

    void tcpConnectStarted(String remote, SocketTap tap) {
        synchronized (this) {
            taps.add(tap);
        }
        events.started(Stage.TCP_CONNECT);
    }

    /** @param how " connected", or " connected, then reset" */
    void tcpConnected(String remote, String how) {
        synchronized (this) {
            connectAttempts.add(remote + how);
            connectedTo = remote;
        }
        events.passed(Stage.TCP_CONNECT, "connected to " + remote + (viaProxy ? " (the proxy)" : ""));
        if (viaProxy) {
            events.started(Stage.PROXY_CONNECT);
        }
    }

    synchronized void tcpConnectFailed(String remote, Exception e) {
        connectAttempts.add(remote + " " + Failure.of(e).shortReason());
    }

    void tlsStarting(Socket raw) {
        synchronized (this) {
            if (raw instanceof TappingSocketFactory.TappedSocket tapped && tapped.tap() != null) {
                tlsTap = tapped.tap();
                tlsTap.startTls();
            }
            tlsStarted = true;
        }
        if (viaProxy) {
            List<ProxyReply> replies = proxyReplies();
            events.passed(Stage.PROXY_CONNECT, replies.isEmpty() ? "tunnel opened"
                    : replies.get(replies.size() - 1).reply().statusLine());
        }
        events.started(Stage.TLS_HANDSHAKE);
    }

    synchronized void certificatesPresented(List<X509Certificate> presented, CertificateException failure) {
        chain = List.copyOf(presented);
        trustFailure = failure;
    }

    synchronized void requestHeadSent(byte[] head) {
        requestHead = head.clone();
    }

    // --- OkHttp events ------------------------------------------------------------------------

    @Override
    public void secureConnectEnd(Call call, Handshake hs) {
        TlsFacts facts;
        synchronized (this) {
            handshake = hs;
            facts = tlsFacts();
        }
        events.handshakeCompleted(facts);
    }

    @Override
    public void requestHeadersStart(Call call) {
        events.started(Stage.SSTP_HTTP);
    }

    @Override
    public synchronized void responseHeadersEnd(Call call, Response r) {
        responseAt = events.now();
        response = r;
    }

    // --- what was recorded --------------------------------------------------------------------

    synchronized List<String> connectAttempts() { return List.copyOf(connectAttempts); }
    synchronized String connectedTo() { return connectedTo; }
    synchronized List<SocketTap> taps() { return List.copyOf(taps); }
    synchronized boolean tlsStarted() { return tlsStarted; }
    synchronized SocketTap tlsTap() { return tlsTap; }
    synchronized byte[] requestHead() { return requestHead == null ? null : requestHead.clone(); }
    synchronized Response response() { return response; }
    synchronized double responseAt() { return responseAt; }
    boolean viaProxy() { return viaProxy; }

    /**
     * Every proxy answer to CONNECT, parsed once: when TLS starts (nothing more comes from the
     * proxy after that) or, when it never does, when first asked.
     */
    synchronized List<ProxyReply> proxyReplies() {
        if (proxyReplies == null) {
            proxyReplies = viaProxy ? ProxyReplies.parse(taps) : List.of();
        }
        return proxyReplies;
    }

    /** What the handshake showed so far; null when TLS never started. */
    synchronized TlsFacts tlsFactsOrNull() {
        return tlsStarted ? tlsFacts() : null;
    }

    private TlsFacts tlsFacts() {
        return new TlsFacts(chain, trustFailure, handshake == null ? "" : handshake.tlsVersion().javaName(),
                handshake == null ? "" : handshake.cipherSuite().javaName());
    }
}
