package org.sstpdoctor.responder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A plain-HTTP server on loopback that publishes CRLs and answers OCSP requests, for the practice
 * responder's revocation scenarios and for the tests. One request per connection; request heads
 * and bodies are bounded; it records each request line it receives.
 */
public final class RevocationHttpServer implements AutoCloseable {
    static final int MAX_HEAD = 16 * 1024;
    static final int MAX_BODY = 64 * 1024;

    /** What a client asked: method, path (with query), and the body (an OCSP request). */
    public record Request(String method, String path, String host, byte[] body) {
    }

    /**
     * What to answer: {@code extraBytes} filler bytes follow {@code body} (a "huge" CRL without the
     * memory), after {@code delayMillis}.
     */
    public record Reply(int status, String contentType, byte[] body, long delayMillis, long extraBytes) {
        public static Reply of(int status, String contentType, byte[] body) {
            return new Reply(status, contentType, body, 0, 0);
        }
    }

    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request);
    }

    private final ServerSocket server;
    private final Handler handler;
    private final ExecutorService pool;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private RevocationHttpServer(ServerSocket server, Handler handler) {
        this.server = server;
        this.handler = handler;
        java.util.concurrent.ThreadPoolExecutor workers = new java.util.concurrent.ThreadPoolExecutor(8, 8, 0,
                TimeUnit.MILLISECONDS, new java.util.concurrent.LinkedBlockingQueue<>(256), r -> {
                    Thread t = new Thread(r, "sstp-doctor-revocation-server");
                    t.setDaemon(true);
                    return t;
                });
        // All threads from the start: the set of threads does not grow while it serves.
        workers.prestartAllCoreThreads();
        this.pool = workers;
    }

    public static RevocationHttpServer start(Handler handler) throws IOException {
        RevocationHttpServer s = new RevocationHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler);
        Thread acceptor = new Thread(s::acceptLoop, "sstp-doctor-revocation-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every request line received, in order ("GET /ca.crl HTTP/1.1"). */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                pool.execute(() -> serve(socket));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            requestLines.add(lines[0]);
            String[] parts = lines[0].split(" ");
            int length = 0;
            String host = "";
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Math.min(MAX_BODY, Integer.parseInt(line.substring(15).trim()));
                } else if (lower.startsWith("host:")) {
                    host = line.substring(5).trim();
                }
            }
            byte[] body = in.readNBytes(length);
            Reply reply = handler.handle(new Request(parts[0], parts.length > 1 ? parts[1] : "/", host, body));
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            OutputStream out = socket.getOutputStream();
            long total = reply.body().length + reply.extraBytes();
            out.write(("HTTP/1.1 " + reply.status() + " " + reason(reply.status()) + "\r\nContent-Type: "
                    + reply.contentType() + "\r\nContent-Length: " + total + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(reply.body());
            byte[] filler = new byte[64 * 1024];
            for (long left = reply.extraBytes(); left > 0; left -= filler.length) {
                out.write(filler, 0, (int) Math.min(filler.length, left));
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the client went away, or sent something that is not HTTP: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
