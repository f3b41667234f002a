package org.sstpdoctor.probe.okhttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.sstpdoctor.probe.Failure;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.Observation;
import org.sstpdoctor.probe.SstpChannel;
import org.sstpdoctor.probe.Transport;

/** One OkHttp call, opened: its snapshot, and after a 200 the connection for SSTP packets. */
final class OkHttpExchange implements Transport.Exchange {
    private final AttemptRecorder recorder;
    private final AtomicReference<Socket> connectionSocket;
    private final List<String> notes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private OkHttpClient client;
    private AutoCloseable cancelHook;
    private Response response;
    private HttpReply reply;
    private Failure failure;
    private Observation observation;

    OkHttpExchange(AttemptRecorder recorder, AtomicReference<Socket> connectionSocket, List<String> notes) {
        this.recorder = recorder;
        this.connectionSocket = connectionSocket;
        this.notes = notes;
    }

    void attach(OkHttpClient c, AutoCloseable onCancel) {
        client = c;
        cancelHook = onCancel;
    }

    void answered(Response r) {
        response = r;
        reply = OkHttpTransport.toReply(r);
        if (r.code() != 200) {
            reply = reply.withBodyExcerpt(excerpt(r.body()));
        }
    }

    void fail(Failure f) {
        failure = f;
        Response rejected = recorder.response();
        if (rejected != null && rejected.code() != 200) {
            // OkHttp refuses some answers after reading them (a 407 without a proxy): the server still answered.
            reply = OkHttpTransport.toReply(rejected);
        }
    }

    @Override
    public synchronized Observation observation() {
        if (observation == null) {
            byte[] head = recorder.requestHead();
            SocketTap tap = recorder.tlsTap();
            observation = new Observation(recorder.connectAttempts(), recorder.connectedTo(), recorder.proxyReplies(),
                    recorder.tlsFactsOrNull(), tap != null && tap.bytesReceivedAfterTls() > 0, reply,
                    reply == null ? -1 : recorder.responseAt(),
                    head == null ? "" : new String(head, StandardCharsets.ISO_8859_1), failure, List.copyOf(notes),
                    ProxyReplies.connectHead(recorder.taps()));
        }
        return observation;
    }

    @Override
    public SstpChannel channel() {
        Socket socket = connectionSocket.get();
        if (response == null || response.code() != 200 || socket == null || response.body() == null) {
            return null;
        }
        BufferedSource source = response.body().source();
        return new SstpChannel() {
            @Override
            public InputStream input() {
                return source.inputStream();
            }

            @Override
            public OutputStream output() {
                try {
                    return socket.getOutputStream();
                } catch (IOException e) {
                    return OutputStream.nullOutputStream();
                }
            }

            @Override
            public void readTimeoutMillis(long millis) {
                source.timeout().timeout(millis, TimeUnit.MILLISECONDS);
            }
        };
    }

    @Override
    public String bodyExcerpt() {
        return response == null ? "" : excerpt(response.body());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (response != null) {
            try {
                response.close();
            } catch (RuntimeException ignored) {
                // the connection is going away either way
            }
        }
        closeQuietly(connectionSocket.get());
        recorder.closeAll();
        if (client != null) {
            client.connectionPool().evictAll();
        }
        if (cancelHook != null) {
            try {
                cancelHook.close();
            } catch (Exception ignored) {
                // a Cancellation hook's close does not throw
            }
        }
    }

    /** The start of an error page, read briefly: a hostile server cannot hold the probe here. */
    private static String excerpt(ResponseBody body) {
        if (body == null) {
            return "";
        }
        okio.Buffer buffer = new okio.Buffer();
        try {
            BufferedSource source = body.source();
            source.timeout().timeout(300, TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (buffer.size() < HttpReply.MAX_EXCERPT && System.nanoTime() < deadline) {
                if (source.read(buffer, HttpReply.MAX_EXCERPT - buffer.size()) < 0) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // keep what arrived before the peer went quiet
        }
        return org.sstpdoctor.text.PeerText.lines(buffer.readString(StandardCharsets.UTF_8));
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do with a socket that will not close
            }
        }
    }
}
