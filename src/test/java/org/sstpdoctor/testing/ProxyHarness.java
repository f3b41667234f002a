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
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersAdapter;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.HttpProxyServerBootstrap;
import org.littleshoot.proxy.ProxyAuthenticator;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.target.ProxyEndpoint;

/** A real HTTP proxy (LittleProxy) on loopback: open, demanding Basic sign-in, or denying CONNECT. */
public final class ProxyHarness implements AutoCloseable {
    public static final String USER = "helpdesk";
    public static final String PASSWORD = "s3cr3t-Pa55";

    private final HttpProxyServer server;

    private ProxyHarness(HttpProxyServer server) {
        this.server = server;
    }

    private static HttpProxyServerBootstrap bootstrap() {
        return DefaultHttpProxyServer.bootstrap()
                .withAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withConnectTimeout(2000);
    }

    public static ProxyHarness open() {
        return new ProxyHarness(bootstrap().start());
    }

    public static ProxyHarness basicAuth() {
        return new ProxyHarness(bootstrap().withProxyAuthenticator(new ProxyAuthenticator() {
            @Override
            public boolean authenticate(String userName, String password) {
                return USER.equals(userName) && PASSWORD.equals(password);
            }

            @Override
            public String getRealm() {
                return "Corporate proxy";
            }
        }).start());
    }

    /** Refuses every CONNECT with 403, as a proxy with a URL-category rule does. */
    public static ProxyHarness denying() {
        return new ProxyHarness(bootstrap().withFiltersSource(new HttpFiltersSourceAdapter() {
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
        }).start());
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

    @Override
    public void close() {
        server.abort();
    }
}
