package org.sstpdoctor.probe.okhttp;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * Holds back the first request head written to a TLS socket until it is complete, rewrites it
 * with {@link SstpRequestHead}, then passes everything after it through untouched (the SSTP
 * packets that follow the 200 go straight to the socket).
 */
final class RequestHeadRewritingStream extends FilterOutputStream {
    /** A head longer than this is not ours to rewrite; pass it on as it is. */
    private static final int MAX_HEAD = 16 * 1024;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Consumer<byte[]> headSent;
    private boolean passThrough;

    RequestHeadRewritingStream(OutputStream out, Consumer<byte[]> headSent) {
        super(out);
        this.headSent = headSent;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (passThrough) {
            out.write(b, off, len);
            return;
        }
        pending.write(b, off, len);
        byte[] buffered = pending.toByteArray();
        int end = headEnd(buffered);
        if (end < 0 && buffered.length <= MAX_HEAD) {
            return;
        }
        passThrough = true;
        pending.reset();
        if (end < 0) {
            out.write(buffered);
            return;
        }
        byte[] head = SstpRequestHead.rewrite(java.util.Arrays.copyOf(buffered, end));
        headSent.accept(head);
        out.write(head);
        out.write(buffered, end, buffered.length - end);
    }

    @Override
    public synchronized void flush() throws IOException {
        // An incomplete head stays back until it is complete; OkHttp flushes only after the blank line.
        if (passThrough) {
            out.flush();
        }
    }

    /** Index just past "\r\n\r\n", or -1. */
    private static int headEnd(byte[] data) {
        for (int i = 3; i < data.length; i++) {
            if (data[i] == '\n' && data[i - 1] == '\r' && data[i - 2] == '\n' && data[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }
}
