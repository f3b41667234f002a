package org.sstpdoctor.testing;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.netty.channel.EventLoopGroup;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersAdapter;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.HttpProxyServerBootstrap;
import org.littleshoot.proxy.ProxyAuthenticator;
import org.littleshoot.proxy.TransportProtocol;
import org.littleshoot.proxy.impl.ServerGroup;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.target.ProxyEndpoint;

/** A real HTTP proxy (LittleProxy) on loopback: open, demanding Basic sign-in, or denying CONNECT. */
public final class ProxyHarness implements AutoCloseable {
    public static final String USER = "helpdesk";
    public static final String PASSWORD = "s3cr3t-Pa55";

    /** Time for the event loops to finish what closing the channels set off; then they stop. */
    private static final long QUIET_MILLIS = 50;
    private static final long STOP_LIMIT_MILLIS = 5_000;

    private final ServerGroup threads;
    private final HttpProxyServer server;

    private ProxyHarness(ServerGroup threads, HttpProxyServer server) {
        this.threads = threads;
        this.server = server;
    }

    private static ProxyHarness start(java.util.function.UnaryOperator<HttpProxyServerBootstrap> configure) {
        // Our own thread pools, not stopped by the server itself: close() stops them after the channels.
        ServerGroup threads = new ServerGroup("ProxyHarness", ServerGroup.DEFAULT_INCOMING_ACCEPTOR_THREADS,
                ServerGroup.DEFAULT_INCOMING_WORKER_THREADS, ServerGroup.DEFAULT_OUTGOING_WORKER_THREADS, false);
        HttpProxyServerBootstrap bootstrap = DefaultHttpProxyServer.bootstrap()
                .withServerGroup(threads)
                .withAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withConnectTimeout(2000);
        return new ProxyHarness(threads, configure.apply(bootstrap).start());
    }

    public static ProxyHarness open() {
        return start(b -> b);
    }

    public static ProxyHarness basicAuth() {
        return start(b -> b.withProxyAuthenticator(new ProxyAuthenticator() {
            @Override
            public boolean authenticate(String userName, String password) {
                return USER.equals(userName) && PASSWORD.equals(password);
            }

            @Override
            public String getRealm() {
                return "Corporate proxy";
            }
        }));
    }

    /** Refuses every CONNECT with 403, as a proxy with a URL-category rule does. */
    public static ProxyHarness denying() {
        return start(b -> b.withFiltersSource(new HttpFiltersSourceAdapter() {
            @Override
            public HttpFilters filterRequest(HttpRequest originalRequest) {
                return new HttpFiltersAdapter(originalRequest) {
                    @Override
                    public HttpResponse clientToProxyRequest(HttpObject httpObject) {
                        if (httpObject instanceof HttpRequest request && request.method() == HttpMethod.CONNECT) {
                            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                    HttpResponseStatus.FORBIDDEN);
                            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                            response.headers().set("X-Squid-Error", "ERR_ACCESS_DENIED 0");
                            response.headers().set(HttpHeaderNames.VIA, "1.1 test-proxy");
                            return response;
                        }
                        return null;
                    }
                };
            }
        }));
    }

    public int port() {
        return server.getListenAddress().getPort();
    }

    public ProxyEndpoint endpoint() {
        try {
            return ProxyAddressParser.parse("127.0.0.1:" + port());
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops in the order that leaves no task behind: first the channels, closed and waited for
     * (LittleProxy's graceful stop); then the event loops, each allowed a short quiet period for what
     * those closes set off on another loop (the tunnel's other half). Stopping the loops at once, as
     * {@code abort()} does, left such a close to be submitted to a terminated loop, which Netty
     * reports as a SEVERE RejectedExecutionException ("event executor terminated").
     */
    @Override
    public void close() {
        server.stop();
        List<EventLoopGroup> loops = List.of(threads.getClientToProxyAcceptorPoolForTransport(TransportProtocol.TCP),
                threads.getClientToProxyWorkerPoolForTransport(TransportProtocol.TCP),
                threads.getProxyToServerWorkerPoolForTransport(TransportProtocol.TCP));
        loops.forEach(l -> l.shutdownGracefully(QUIET_MILLIS, STOP_LIMIT_MILLIS, TimeUnit.MILLISECONDS));
        for (EventLoopGroup loop : loops) {
            try {
                if (!loop.awaitTermination(STOP_LIMIT_MILLIS * 2, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the test proxy's threads did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether every thread of this proxy has ended (for the test of close() itself). */
    public boolean stopped() {
        return threads.getClientToProxyAcceptorPoolForTransport(TransportProtocol.TCP).isTerminated()
                && threads.getClientToProxyWorkerPoolForTransport(TransportProtocol.TCP).isTerminated()
                && threads.getProxyToServerWorkerPoolForTransport(TransportProtocol.TCP).isTerminated();
    }
}
