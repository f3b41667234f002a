package org.sstpdoctor.responder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.sstpdoctor.sstp.AttributeId;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.sstp.MessageType;
import org.sstpdoctor.sstp.SstpCodec;
import org.sstpdoctor.sstp.SstpFormatException;
import org.sstpdoctor.sstp.SstpPacket;
import org.sstpdoctor.sstp.StatusCode;
import org.sstpdoctor.sstp.StatusInfo;

/**
 * A small SSTP server that speaks the server side faithfully (the HTTP handshake, Call Connect Ack
 * with a crypto binding request, Nak, echo, abort, disconnect) and can be told to misbehave. It
 * serves the tests and the helpdesk practice mode. It never authenticates anyone and carries no
 * traffic: after the Ack it only waits for the client to leave.
 */
public final class SstpResponder implements AutoCloseable {
    /** The SSTP path; defined in {@link org.sstpdoctor.sstp.SstpHttp}. */
    public static final String SSTP_PATH = org.sstpdoctor.sstp.SstpHttp.PATH;
    private static final int MAX_HEAD = 16 * 1024;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

    /** What one client sent, for tests to check the bytes on the wire. */
    public record Exchange(String remote, byte[] requestHead, List<byte[]> packetsReceived, String note) {
        public String requestHeadText() {
            return requestHead == null ? "" : new String(requestHead, StandardCharsets.ISO_8859_1);
        }
    }

    private final ResponderConfig config;
    private final ServerSocket server;
    private final ExecutorService workers;
    private final Thread acceptor;
    private final Set<Socket> clients = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final ResponderLimits limits;
    private final Semaphore slots;
    private final ScheduledExecutorService deadlines;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger deadlineClosed = new AtomicInteger();
    private volatile boolean closed;
    private SSLContext hostileTls;

    private SstpResponder(ResponderConfig config, ResponderLimits limits) throws IOException {
        this.config = config;
        this.limits = limits;
        this.slots = new Semaphore(limits.maxConnections());
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(config.bind(), config.port()), 50);
        AtomicInteger n = new AtomicInteger();
        // One worker per connection and the connection cap enforced by the slots: a flood meets closed doors, not new
        // threads. The pool may briefly hold twice as many, for workers between their last task and their next.
        this.workers = new ThreadPoolExecutor(0, 2 * limits.maxConnections(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "sstp-responder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sstp-responder-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true); // a finished connection's deadline is dropped, not kept for minutes
        this.deadlines = timer;
        this.acceptor = new Thread(this::acceptLoop, "sstp-responder-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static SstpResponder start(ResponderConfig config) throws IOException {
        return new SstpResponder(config, ResponderLimits.DEFAULT);
    }

    public static SstpResponder start(ResponderConfig config, ResponderLimits limits) throws IOException {
        return new SstpResponder(config, limits);
    }

    /** The address actually listened on (the wildcard address when bound to all). */
    public InetAddress address() {
        return server.getInetAddress();
    }

    /** Connections closed at once because {@link ResponderLimits#maxConnections()} were open. */
    public int refusedCount() {
        return refused.get();
    }

    /** Connections ended by {@link ResponderLimits#connectionDeadline()}. */
    public int deadlineCount() {
        return deadlineClosed.get();
    }

    public int port() {
        return server.getLocalPort();
    }

    public ResponderConfig config() {
        return config;
    }

    /** Connections accepted so far. */
    public int connectionCount() {
        return connections.get();
    }

    /** Every client exchange so far, in the order they ended. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /**
     * Waits until at least {@code count} exchanges have ended (a client's exchange is recorded when
     * its connection closes, a moment after the client itself is done), then returns them all.
     */
    public List<Exchange> awaitExchanges(int count, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (exchanges) {
            while (exchanges.size() < count && System.nanoTime() < deadline) {
                try {
                    exchanges.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return exchanges();
    }

    /** Stops listening, drops every client, and waits for the worker threads to end. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        synchronized (clients) {
            clients.forEach(SstpResponder::closeQuietly);
        }
        workers.shutdownNow();
        deadlines.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Accepts until closed, whatever happens to one connection: "Listening" must stay true. */
    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                pause(); // e.g. out of file descriptors: let some close rather than spin
                continue;
            } catch (Throwable t) {
                pause();
                continue;
            }
            connections.incrementAndGet();
            if (!slots.tryAcquire()) {
                refused.incrementAndGet();
                closeQuietly(socket);
                continue;
            }
            try {
                clients.add(socket);
                ScheduledFuture<?> deadline = deadlines.schedule(() -> {
                    deadlineClosed.incrementAndGet();
                    closeQuietly(socket);
                }, limits.connectionDeadline().toMillis(), TimeUnit.MILLISECONDS);
                workers.execute(() -> {
                    try {
                        serve(socket);
                    } finally {
                        deadline.cancel(false);
                        slots.release();
                    }
                });
            } catch (Throwable t) {
                // No thread to serve it (rejected, or the JVM could not start one): close it and go on accepting.
                clients.remove(socket);
                closeQuietly(socket);
                slots.release();
                refused.incrementAndGet();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(Socket raw) {
        String remote = String.valueOf(raw.getRemoteSocketAddress());
        ExchangeBuilder exchange = new ExchangeBuilder(remote);
        Socket socket = raw;
        try {
            raw.setSoTimeout((int) Math.max(1000, config.negotiationTimeout().toMillis()));
            raw.setTcpNoDelay(true);
            Scenario scenario = config.scenario();
            switch (scenario) {
                case CLOSE_ON_ACCEPT -> {
                    raw.close();
                    return;
                }
                case RESET_ON_ACCEPT -> {
                    reset(raw);
                    return;
                }
                case SILENT_ON_ACCEPT -> {
                    waitForClose(raw.getInputStream());
                    return;
                }
                default -> { }
            }
            if (scenario.usesTls()) {
                SSLContext context = scenario == Scenario.HOSTILE_CERTIFICATE ? hostileTls() : config.tls();
                SSLSocket tls = (SSLSocket) context.getSocketFactory()
                        // For TLS_ALERT the raw socket must outlive the failed handshake (see below).
                        .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), scenario != Scenario.TLS_ALERT);
                tls.setUseClientMode(false);
                WindowsScenarios.restrict(tls, scenario);
                if (scenario == Scenario.TLS_ALERT) {
                    // Asking for a client certificate the probe does not have ends the handshake with an alert.
                    tls.setNeedClientAuth(true);
                }
                socket = tls;
                clients.add(tls);
                try {
                    tls.startHandshake();
                } catch (javax.net.ssl.SSLException e) {
                    if (scenario == Scenario.TLS_ALERT) {
                        // The alert is on its way; closing now could reset the connection before the
                        // client reads it, so wait for the client to leave first.
                        exchange.note = "handshake ended with an alert: " + e.getMessage();
                        raw.setSoTimeout(2000);
                        waitForClose(raw.getInputStream());
                        return;
                    }
                    throw e;
                }
            }
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (!scenario.usesTls()) {
                in = new java.io.BufferedInputStream(in);
                in.mark(1);
                int first = in.read();
                in.reset();
                if (first == 0x16 && scenario == Scenario.CAPTIVE_PORTAL) {
                    exchange.note = "login page redirect instead of TLS";
                    writeAscii(out, WindowsScenarios.CAPTIVE_PORTAL_REPLY);
                    return;
                }
                if (first == 0x16) {
                    // A TLS ClientHello to a plain web server: it answers 400, as nginx and IIS do.
                    exchange.note = "TLS handshake received on a plain HTTP port";
                    sendError(out, 400);
                    return;
                }
            }
            Optional<byte[]> head = readHead(in);
            if (head.isEmpty()) {
                exchange.note = "the client sent no complete request";
                return;
            }
            exchange.requestHead = head.get();
            handleRequest(socket, raw, in, out, head.get(), exchange);
        } catch (IOException | RuntimeException e) {
            if (exchange.note == null) {
                exchange.note = e.toString();
            }
        } finally {
            closeQuietly(socket);
            closeQuietly(raw);
            clients.remove(socket);
            clients.remove(raw);
            synchronized (exchanges) {
                exchanges.add(exchange.build());
                exchanges.notifyAll();
            }
        }
    }

    private void handleRequest(Socket socket, Socket raw, InputStream in, OutputStream out, byte[] head, ExchangeBuilder exchange)
            throws IOException {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String requestLine = text.substring(0, Math.max(0, text.indexOf("\r\n")));
        String[] parts = requestLine.split(" ");
        Scenario scenario = config.scenario();
        switch (scenario) {
            case SILENT_AFTER_TLS -> {
                waitForClose(in);
                return;
            }
            case INSPECTING_PROXY -> {
                writeAscii(out, WindowsScenarios.squidLengthRequired());
                return;
            }
            case CLOSE_AFTER_REQUEST -> {
                return;
            }
            case RESET_AFTER_REQUEST -> {
                reset(raw);
                return;
            }
            case GARBAGE_REPLY -> {
                // Binary junk with a line end, so the client reads a whole "status line" that is not HTTP.
                out.write(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xff, 'n', 'o', 't', ' ', 'H', 'T', 'T', 'P',
                    '\r', '\n', '\r', '\n'});
                out.flush();
                waitForClose(in);
                return;
            }
            case HTTP_STATUS -> {
                sendError(out, config.httpStatus());
                return;
            }
            case NGINX_PROXY -> {
                sendError(out, 400, "nginx");
                return;
            }
            case WEB_SERVER -> {
                byte[] page = "<html><body><h1>It works!</h1></body></html>\n".getBytes(StandardCharsets.US_ASCII);
                writeAscii(out, "HTTP/1.1 200 OK\r\nServer: Apache\r\nContent-Type: text/html\r\nContent-Length: "
                        + page.length + "\r\n\r\n");
                out.write(page);
                out.flush();
                return;
            }
            case SLOW_REPLY -> {
                byte[] reply = statusHead("HTTP/1.1 200 OK").getBytes(StandardCharsets.US_ASCII);
                for (byte b : reply) {
                    out.write(b);
                    out.flush();
                    sleep(1000);
                }
                waitForClose(in);
                return;
            }
            case HUGE_STATUS_LINE -> {
                StringBuilder line = new StringBuilder("HTTP/1.1 200 ");
                line.append("O".repeat(1024 * 1024));
                writeAscii(out, line + "\r\n\r\n");
                return;
            }
            case INVALID_UTF8 -> {
                out.write(new byte[] {'H', 'T', 'T', 'P', '/', '1', '.', '1', ' ', '2', '0', '0', ' ', (byte) 0xC3, (byte) 0x28,
                    (byte) 0xFF, '\r', '\n', 'X', '-', (byte) 0xFE, ':', ' ', (byte) 0x80, (byte) 0xBF, '\r', '\n',
                    'C', 'o', 'n', 't', 'e', 'n', 't', '-', 'L', 'e', 'n', 'g', 't', 'h', ':', ' ', '0', '\r', '\n', '\r', '\n'});
                out.flush();
                waitForClose(in);
                return;
            }
            case HTTP_0_9 -> {
                writeAscii(out, "<html><body>It works!</body></html>\n");
                return;
            }
            case HOSTILE_REASON -> {
                HostileReplies.reason(out);
                return;
            }
            case HOSTILE_TRANSFER_ENCODING -> {
                HostileReplies.transferEncoding(out);
                return;
            }
            case ENDLESS_102 -> {
                HostileReplies.endless102(out);
                return;
            }
            case ENDLESS_PROXY_HEADERS -> {
                HostileReplies.endlessHeaders(out);
                return;
            }
            case HOSTILE_PROXY, REFLECTING_PROXY -> {
                // A proxy keeps the connection for the client's next CONNECT (the signed-in one).
                byte[] next = head;
                for (int i = 0; i < 8 && next != null; i++) {
                    if (scenario == Scenario.HOSTILE_PROXY) {
                        HostileReplies.proxy(out);
                    } else {
                        HostileReplies.reflect(out, next);
                    }
                    next = readHead(in).orElse(null);
                }
                return;
            }
            case MANY_HEADERS -> {
                StringBuilder reply = new StringBuilder("HTTP/1.1 200 OK\r\n");
                for (int i = 0; i < 10_000; i++) {
                    reply.append("X-Header-").append(i).append(": value\r\n");
                }
                writeAscii(out, reply.append("\r\n").toString());
                waitForClose(in);
                return;
            }
            default -> { }
        }
        // A real server's routing: the SSTP verb to the SSTP path, everything else refused.
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            sendError(out, 400);
            return;
        }
        String method = parts[0];
        String path = parts[1];
        boolean sstpPath = path.equalsIgnoreCase(SSTP_PATH);
        if (!method.equals(org.sstpdoctor.sstp.SstpHttp.METHOD)) {
            sendError(out, method.equals("GET") || method.equals("HEAD") ? (sstpPath ? 404 : 403)
                    : method.equals("POST") ? 403 : 501);
            return;
        }
        if (!sstpPath) {
            sendError(out, 404);
            return;
        }
        if (!parts[2].equals("HTTP/1.1")) {
            sendError(out, 400);
            return;
        }
        String statusLine = switch (scenario) {
            case WINDOWS_STYLE -> "HTTP/1.1 200";
            case HTTP_1_0 -> "HTTP/1.0 200 OK";
            default -> "HTTP/1.1 200 OK";
        };
        writeAscii(out, scenario == Scenario.SKEWED_CLOCK ? WindowsScenarios.skewedStatusHead(statusLine)
                : statusHead(statusLine));
        switch (scenario) {
            case SILENT_AFTER_200 -> {
                waitForClose(in);
                return;
            }
            case RESET_AFTER_200 -> {
                // Wait for the client's first SSTP packet, so that the 200 is surely read before the reset.
                SstpCodec.read(in);
                reset(raw);
                return;
            }
            case BAD_PACKET -> {
                // The length field claims 0x30 bytes; only 12 follow before the connection ends.
                out.write(new byte[] {0x10, 0x01, 0x00, 0x30, 0x00, 0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x28});
                out.flush();
                return;
            }
            default -> { }
        }
        sstpSession(socket, in, out, exchange);
    }

    /** The SSTP control exchange, server side ([MS-SSTP] 3.3). */
    private void sstpSession(Socket socket, InputStream in, OutputStream out, ExchangeBuilder exchange)
            throws IOException {
        socket.setSoTimeout((int) Math.max(1, config.negotiationTimeout().toMillis()));
        boolean acked = false;
        while (true) {
            SstpPacket packet;
            try {
                Optional<SstpPacket> next = SstpCodec.read(in);
                if (next.isEmpty()) {
                    exchange.note = "the client closed the connection";
                    return;
                }
                packet = next.get();
            } catch (SocketTimeoutException e) {
                SstpCodec.write(out, ControlPacket.callAbort(StatusInfo.of(AttributeId.NO_ERROR, StatusCode.NEGOTIATION_TIMEOUT)));
                exchange.note = "negotiation timed out; CALL_ABORT sent";
                return;
            } catch (SstpFormatException e) {
                SstpCodec.write(out, ControlPacket.callAbort(StatusInfo.of(AttributeId.NO_ERROR, StatusCode.INVALID_FRAME_RECEIVED)));
                exchange.note = "malformed packet from the client: " + e.getMessage();
                return;
            }
            exchange.packets.add(packet.encode());
            if (!(packet instanceof ControlPacket control)) {
                continue; // PPP frames: nothing to carry them to
            }
            MessageType type = control.knownType().orElse(null);
            if (type == null) {
                continue;
            }
            switch (type) {
                case CALL_CONNECT_REQUEST -> {
                    if (acked) {
                        continue;
                    }
                    if (!requestsPpp(control)) {
                        SstpCodec.write(out, ControlPacket.callConnectNak(
                                StatusInfo.of(AttributeId.ENCAPSULATED_PROTOCOL_ID, StatusCode.VALUE_NOT_SUPPORTED)));
                        continue;
                    }
                    switch (config.scenario()) {
                        case NAK -> SstpCodec.write(out, ControlPacket.callConnectNak(
                                StatusInfo.of(AttributeId.ENCAPSULATED_PROTOCOL_ID, config.nakStatus())));
                        case ABORT -> {
                            SstpCodec.write(out, ControlPacket.callAbort(StatusInfo.of(AttributeId.NO_ERROR, config.nakStatus())));
                            exchange.note = "CALL_ABORT sent instead of an Ack";
                            return;
                        }
                        default -> {
                            byte[] nonce = new byte[32];
                            random.nextBytes(nonce);
                            SstpCodec.write(out, ControlPacket.callConnectAck(config.hashBitmask(), nonce));
                            acked = true;
                        }
                    }
                }
                case ECHO_REQUEST -> SstpCodec.write(out, ControlPacket.echoResponse());
                case CALL_DISCONNECT -> {
                    SstpCodec.write(out, ControlPacket.callDisconnectAck());
                    exchange.note = "the client disconnected";
                    return;
                }
                case CALL_ABORT -> {
                    exchange.note = "the client aborted the call";
                    return;
                }
                default -> { }
            }
        }
    }

    private SSLContext hostileTls() {
        synchronized (this) {
            if (hostileTls == null) {
                hostileTls = HostileReplies.certificateContext();
            }
            return hostileTls;
        }
    }

    private static boolean requestsPpp(ControlPacket request) {
        return request.attribute(AttributeId.ENCAPSULATED_PROTOCOL_ID)
                .map(a -> a.value().length == 2 && a.value()[0] == 0 && a.value()[1] == ControlPacket.PROTOCOL_PPP)
                .orElse(false);
    }

    private static String statusHead(String statusLine) {
        return statusLine + "\r\nContent-Length: " + org.sstpdoctor.sstp.SstpHttp.CONTENT_LENGTH + "\r\nServer: Microsoft-HTTPAPI/2.0\r\nDate: "
                + HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n\r\n";
    }

    private static void sendError(OutputStream out, int status) throws IOException {
        sendError(out, status, "Microsoft-HTTPAPI/2.0");
    }

    private static void sendError(OutputStream out, int status, String server) throws IOException {
        String reason = reason(status);
        byte[] body = ("<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + reason
                + "</h1></body></html>\n").getBytes(StandardCharsets.US_ASCII);
        writeAscii(out, "HTTP/1.1 " + status + (reason.isEmpty() ? "" : " " + reason) + "\r\nServer: " + server
                + "\r\nContent-Type: text/html\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n");
        out.write(body);
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 407 -> "Proxy Authentication Required";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }

    /** Reads up to the blank line ending a request head; empty if the client closed first. */
    private static Optional<byte[]> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            head.write(b);
            // CR LF CR LF, tracked byte by byte so that nothing after the head is consumed.
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) {
                return Optional.of(head.toByteArray());
            }
        }
        return Optional.empty();
    }

    private static void waitForClose(InputStream in) {
        try {
            byte[] sink = new byte[1024];
            while (in.read(sink) >= 0) {
                // discard: a silent peer listens and says nothing
            }
        } catch (IOException ignored) {
            // closed or timed out: either way the silence is over
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close with RST instead of FIN
        } catch (SocketException ignored) {
            // a socket that cannot linger still closes
        }
        closeQuietly(socket);
    }

    private static void writeAscii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("responder stopped");
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    private static final class ExchangeBuilder {
        final String remote;
        byte[] requestHead;
        final List<byte[]> packets = new ArrayList<>();
        String note;

        ExchangeBuilder(String remote) {
            this.remote = remote;
        }

        Exchange build() {
            return new Exchange(remote, requestHead, List.copyOf(packets), note == null ? "" : note);
        }
    }
}
