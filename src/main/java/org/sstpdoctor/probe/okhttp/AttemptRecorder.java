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
import org.sstpdoctor.probe.ProbeListener;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.probe.StageStatus;

/**
 * The facts of one attempt as they happen: OkHttp's events, the socket taps, the certificate seen.
 * It only records and forwards progress; the classification is done afterwards from what it holds.
 */
final class AttemptRecorder extends EventListener {
    private final long originNanos;
    private final ProbeListener listener;
    private final boolean viaProxy;

    private final List<String> connectAttempts = new ArrayList<>();
    private final List<SocketTap> taps = new ArrayList<>();
    private final Set<Socket> openSockets = new LinkedHashSet<>();
    private double tcpStart = -1;
    private double tcpEnd = -1;
    private double tlsStart = -1;
    private double tlsEnd = -1;
    private double httpStart = -1;
    private double httpEnd = -1;
    private boolean responseStarted;
    private SocketTap tlsTap;
    private Handshake handshake;
    private List<X509Certificate> chain = List.of();
    private CertificateException trustFailure;
    private byte[] requestHead;
    private Response response;

    AttemptRecorder(long originNanos, ProbeListener listener, boolean viaProxy) {
        this.originNanos = originNanos;
        this.listener = listener;
        this.viaProxy = viaProxy;
    }

    double now() {
        return (System.nanoTime() - originNanos) / 1_000_000.0;
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
        boolean first;
        synchronized (this) {
            taps.add(tap);
            first = tcpStart < 0;
            if (first) {
                tcpStart = now();
            }
        }
        if (first) {
            listener.stageStarted(Stage.TCP_CONNECT, tcpStart);
        }
    }

    void tcpConnected(String remote) {
        double end;
        synchronized (this) {
            connectAttempts.add(remote + " connected");
            tcpEnd = now();
            end = tcpEnd;
        }
        listener.stageFinished(new StageResult(Stage.TCP_CONNECT, StageStatus.PASSED, tcpStart, end - tcpStart,
                "connected to " + remote + (viaProxy ? " (the proxy)" : "")));
        if (viaProxy) {
            listener.stageStarted(Stage.PROXY_CONNECT, end);
        }
    }

    synchronized void tcpConnectFailed(String remote, Exception e) {
        connectAttempts.add(remote + " " + Failures.shortReason(e));
    }

    void tlsStarting(Socket raw) {
        double at;
        synchronized (this) {
            if (raw instanceof TappingSocketFactory.TappedSocket tapped && tapped.tap() != null) {
                tlsTap = tapped.tap();
                tlsTap.startTls();
            }
            tlsStart = now();
            at = tlsStart;
        }
        if (viaProxy) {
            listener.stageFinished(new StageResult(Stage.PROXY_CONNECT, StageStatus.PASSED, tcpEnd, at - tcpEnd,
                    "the proxy opened a tunnel"));
        }
        listener.stageStarted(Stage.TLS_HANDSHAKE, at);
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
        double at;
        synchronized (this) {
            handshake = hs;
            tlsEnd = now();
            at = tlsEnd;
        }
        listener.stageFinished(new StageResult(Stage.TLS_HANDSHAKE,
                trustFailureOrNull() == null ? StageStatus.PASSED : StageStatus.WARNED, tlsStart, at - tlsStart,
                hs.tlsVersion().javaName() + ", " + hs.cipherSuite().javaName()));
    }

    @Override
    public void requestHeadersStart(Call call) {
        double at;
        synchronized (this) {
            httpStart = now();
            at = httpStart;
        }
        listener.stageStarted(Stage.SSTP_HTTP, at);
    }

    @Override
    public synchronized void responseHeadersStart(Call call) {
        responseStarted = true;
    }

    @Override
    public synchronized void responseHeadersEnd(Call call, Response r) {
        httpEnd = now();
        response = r;
    }

    // --- what was recorded --------------------------------------------------------------------

    synchronized List<String> connectAttempts() { return List.copyOf(connectAttempts); }
    synchronized List<SocketTap> taps() { return List.copyOf(taps); }
    synchronized double tcpStart() { return tcpStart; }
    synchronized double tcpEnd() { return tcpEnd; }
    synchronized double tlsStart() { return tlsStart; }
    synchronized double tlsEnd() { return tlsEnd; }
    synchronized double httpStart() { return httpStart; }
    synchronized double httpEnd() { return httpEnd; }
    synchronized boolean responseStarted() { return responseStarted; }
    synchronized SocketTap tlsTap() { return tlsTap; }
    synchronized Handshake handshake() { return handshake; }
    synchronized List<X509Certificate> chain() { return chain; }
    synchronized CertificateException trustFailureOrNull() { return trustFailure; }
    synchronized byte[] requestHead() { return requestHead == null ? null : requestHead.clone(); }
    synchronized Response response() { return response; }
    boolean viaProxy() { return viaProxy; }
    ProbeListener listener() { return listener; }
}
