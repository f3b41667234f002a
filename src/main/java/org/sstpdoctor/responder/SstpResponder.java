package org.sstpdoctor.responder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
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
import org.sstpdoctor.sstp.SstpCodec;

/**
 * A small SSTP server that speaks the server side faithfully (the HTTP handshake, Call Connect Ack
 * with a crypto binding request, Nak, echo, abort, disconnect) and can be told to misbehave. It
 * serves the tests and the helpdesk practice mode. It never authenticates anyone and carries no
 * traffic: after the Ack it only waits for the client to leave.
 */
public final class SstpResponder implements AutoCloseable {
    /** The SSTP path; defined in {@link org.sstpdoctor.sstp.SstpHttp}. */
    public static final String SSTP_PATH = org.sstpdoctor.sstp.SstpHttp.PATH;

    /** What one client sent, for tests to check the bytes on the wire. */
    public record Exchange(String remote, byte[] requestHead, List<byte[]> packetsReceived, String note) {
        public String requestHeadText() {
            return requestHead == null ? "" : new String(requestHead, StandardCharsets.ISO_8859_1);
        }
    }

    private final ResponderConfig config;
    /** The PPP server side, or null: then the responder never authenticates and only waits after the Ack. */
    private final SignInConfig signIn;
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

    private SstpResponder(ResponderConfig config, ResponderLimits limits, SignInConfig signIn) throws IOException {
        this.config = config;
        this.limits = limits;
        this.signIn = signIn;
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
        return new SstpResponder(config, ResponderLimits.DEFAULT, null);
    }

    public static SstpResponder start(ResponderConfig config, ResponderLimits limits) throws IOException {
        return new SstpResponder(config, limits, null);
    }

    /** A responder whose PPP side signs in {@code signIn}'s one account (and misbehaves as it says). */
    public static SstpResponder start(ResponderConfig config, SignInConfig signIn) throws IOException {
        return new SstpResponder(config, ResponderLimits.DEFAULT, signIn);
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
        ResponderIo.closeQuietly(server);
        synchronized (clients) {
            clients.forEach(ResponderIo::closeQuietly);
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
                ResponderIo.closeQuietly(socket);
                continue;
            }
            try {
                clients.add(socket);
                ScheduledFuture<?> deadline = deadlines.schedule(() -> {
                    deadlineClosed.incrementAndGet();
                    ResponderIo.closeQuietly(socket);
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
                ResponderIo.closeQuietly(socket);
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
            Behaviour behaviour = config.behaviour();
            switch (behaviour.onAccept()) {
                case CLOSE -> {
                    raw.close();
                    return;
                }
                case RESET -> {
                    ResponderIo.reset(raw);
                    return;
                }
                case STAY_SILENT -> {
                    ResponderIo.waitForClose(raw.getInputStream());
                    return;
                }
                default -> { }
            }
            boolean alert = behaviour.tls() == Behaviour.Tls.FATAL_ALERT;
            if (behaviour.usesTls()) {
                SSLContext context = behaviour.tls() == Behaviour.Tls.HOSTILE_CERTIFICATE ? hostileTls() : config.tls();
                SSLSocket tls = (SSLSocket) context.getSocketFactory()
                        // For a fatal alert the raw socket must outlive the failed handshake (see below).
                        .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), !alert);
                tls.setUseClientMode(false);
                WindowsScenarios.restrict(tls, behaviour.tls());
                if (alert) {
                    // Asking for a client certificate the probe does not have ends the handshake with an alert.
                    tls.setNeedClientAuth(true);
                }
                socket = tls;
                clients.add(tls);
                try {
                    tls.startHandshake();
                } catch (javax.net.ssl.SSLException e) {
                    if (alert) {
                        // The alert is on its way; closing now could reset the connection before the
                        // client reads it, so wait for the client to leave first.
                        exchange.note = "handshake ended with an alert: " + e.getMessage();
                        raw.setSoTimeout(2000);
                        ResponderIo.waitForClose(raw.getInputStream());
                        return;
                    }
                    throw e;
                }
            }
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (behaviour.tls() == Behaviour.Tls.NONE || behaviour.tls() == Behaviour.Tls.LOGIN_PAGE) {
                in = new java.io.BufferedInputStream(in);
                in.mark(1);
                int first = in.read();
                in.reset();
                if (first == 0x16 && behaviour.tls() == Behaviour.Tls.LOGIN_PAGE) {
                    exchange.note = "login page redirect instead of TLS";
                    ResponderIo.writeAscii(out, WindowsScenarios.CAPTIVE_PORTAL_REPLY);
                    return;
                }
                if (first == 0x16) {
                    // A TLS ClientHello to a plain web server: it answers 400, as nginx and IIS do.
                    exchange.note = "TLS handshake received on a plain HTTP port";
                    ResponderIo.sendError(out, 400);
                    return;
                }
            }
            Optional<byte[]> head = ResponderIo.readHead(in);
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
            ResponderIo.closeQuietly(socket);
            ResponderIo.closeQuietly(raw);
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
        Behaviour behaviour = config.behaviour();
        Behaviour.OnRequest effect = behaviour.onRequest();
        if (effect instanceof Behaviour.OnRequest.Imitate imitate) {
            if (!imitate.server().refuse(requestLine, out)) {
                ResponderIo.writeAscii(out, imitate.server().okHead());
                new ServerCall(config.withHashBitmask(imitate.hashBitmask()), random, signIn).run(socket, in, out, exchange);
            }
            return;
        }
        if (!(effect instanceof Behaviour.OnRequest.Route route)) {
            RequestEffects.answer(effect, config, raw, in, out, head);
            return;
        }
        String statusLine = route.statusLine200();
        // A real server's routing: the SSTP verb to the SSTP path, everything else refused.
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            ResponderIo.sendError(out, 400);
            return;
        }
        String method = parts[0];
        String path = parts[1];
        boolean sstpPath = path.equalsIgnoreCase(SSTP_PATH);
        if (!method.equals(org.sstpdoctor.sstp.SstpHttp.METHOD)) {
            ResponderIo.sendError(out, method.equals("GET") || method.equals("HEAD") ? (sstpPath ? 404 : 403)
                    : method.equals("POST") ? 403 : 501);
            return;
        }
        if (!sstpPath) {
            ResponderIo.sendError(out, 404);
            return;
        }
        if (!parts[2].equals("HTTP/1.1")) {
            ResponderIo.sendError(out, 400);
            return;
        }
        ResponderIo.writeAscii(out, route.dateSkew().isZero() ? ResponderIo.statusHead(statusLine)
                : WindowsScenarios.skewedStatusHead(statusLine, route.dateSkew()));
        Behaviour.After200 then = behaviour.after200();
        if (then instanceof Behaviour.After200.StaySilent) {
            ResponderIo.waitForClose(in);
            return;
        } else if (then instanceof Behaviour.After200.ResetAfterFirstPacket) {
            // Wait for the client's first SSTP packet, so that the 200 is surely read before the reset.
            SstpCodec.read(in);
            ResponderIo.reset(raw);
            return;
        } else if (then instanceof Behaviour.After200.Send send) {
            out.write(send.bytes());
            out.flush();
            return;
        }
        new ServerCall(config, random, signIn).run(socket, in, out, exchange);
    }

    private SSLContext hostileTls() {
        synchronized (this) {
            if (hostileTls == null) {
                hostileTls = HostileReplies.certificateContext();
            }
            return hostileTls;
        }
    }
}
