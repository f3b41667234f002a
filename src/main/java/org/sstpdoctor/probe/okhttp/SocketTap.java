package org.sstpdoctor.probe.okhttp;

import java.io.ByteArrayOutputStream;

/**
 * What crossed one raw socket before TLS began: the CONNECT requests we sent a proxy and the
 * proxy's answers. After TLS begins only the count of bytes received is kept (they are encrypted).
 */
final class SocketTap {
    /** Bounds what a hostile proxy can make us hold in memory. */
    static final int MAX_CAPTURE = 64 * 1024;

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile boolean tlsStarted;
    private long bytesReceivedAfterTls;
    private long bytesReceivedBeforeTls;
    final String remote;

    SocketTap(String remote) {
        this.remote = remote;
    }

    synchronized void onSent(byte[] b, int off, int len) {
        if (!tlsStarted) {
            sent.write(b, off, Math.min(len, Math.max(0, MAX_CAPTURE - sent.size())));
        }
    }

    synchronized void onReceived(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (tlsStarted) {
            bytesReceivedAfterTls += len;
        } else {
            bytesReceivedBeforeTls += len;
            received.write(b, off, Math.min(len, Math.max(0, MAX_CAPTURE - received.size())));
        }
    }

    void startTls() {
        tlsStarted = true;
    }

    boolean tlsStarted() {
        return tlsStarted;
    }

    synchronized byte[] sentBeforeTls() {
        return sent.toByteArray();
    }

    synchronized byte[] receivedBeforeTls() {
        return received.toByteArray();
    }

    /** Everything the proxy sent before TLS, also what was not kept. */
    synchronized long bytesReceivedBeforeTls() {
        return bytesReceivedBeforeTls;
    }

    synchronized long bytesReceivedAfterTls() {
        return bytesReceivedAfterTls;
    }
}
