package org.sstpdoctor.probe.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersAdapter;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;
import org.sstpdoctor.probe.AnsweredBy;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.HostResolver;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.target.ProxyEndpoint;
import org.sstpdoctor.testing.TestProbes;

/**
 * The same fetches through a real proxy (LittleProxy), to prove they take the proxy path: the
 * proxy sees the request, the name is resolved by the proxy and not by this computer, and a proxy
 * that blocks the CRL host is named as the one that answered.
 */
class RevocationThroughProxyTest {
    static RevocationFixture pki;
    static HttpProxyServer proxy;
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    /** This computer cannot resolve anything: only the proxy can (as in a locked-down office). */
    static final HostResolver NOTHING = host -> {
        if (host.equals("127.0.0.1")) {
            return List.of(InetAddress.getLoopbackAddress());
        }
        throw new UnknownHostException(host + ": Name or service not known");
    };

    @BeforeAll
    static void start() throws Exception {
        pki = new RevocationFixture();
        proxy = DefaultHttpProxyServer.bootstrap()
                .withAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withServerResolver((host, port) -> {
                    if (host.endsWith(".test")) {
                        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
                    }
                    throw new UnknownHostException(host);
                })
                .withFiltersSource(new HttpFiltersSourceAdapter() {
                    @Override
                    public HttpFilters filterRequest(HttpRequest originalRequest) {
                        return new HttpFiltersAdapter(originalRequest) {
                            @Override
                            public HttpResponse clientToProxyRequest(HttpObject object) {
                                if (object instanceof HttpRequest request) {
                                    SEEN.add(request.method() + " " + request.uri());
                                    if (request.uri().contains("/blocked/")) {
                                        DefaultFullHttpResponse denied = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                                HttpResponseStatus.FORBIDDEN);
                                        denied.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                                        denied.headers().set("X-Squid-Error", "ERR_ACCESS_DENIED 0");
                                        return denied;
                                    }
                                }
                                return null;
                            }
                        };
                    }
                })
                .start();
    }

    @AfterAll
    static void stop() {
        proxy.abort();
        pki.close();
    }

    static RevocationResult check(X509Certificate leaf) throws Exception {
        ProxyEndpoint endpoint = ProxyAddressParser.parse("127.0.0.1:" + proxy.getListenAddress().getPort());
        long now = System.nanoTime();
        return new RevocationChecker(NOTHING, Clock.systemUTC(), new RevocationCache(),
                new RevocationPolicy(Duration.ofSeconds(5), Duration.ofSeconds(2), 1 << 20, 1 << 16))
                .check(pki.chain(leaf), null, endpoint, now, now + TimeUnit.SECONDS.toNanos(10), new Cancellation());
    }

    @Test
    void crlAndOcspAreFetchedThroughTheProxy() throws Exception {
        X509Certificate leaf = pki.leaf(List.of(pki.url("/good.crl")), List.of(pki.url("/ocsp/unknown")));
        RevocationResult r = check(leaf);
        assertEquals(Outcome.REVOCATION_GOOD, r.outcome(), r.detail());
        String port = String.valueOf(proxy.getListenAddress().getPort());
        assertTrue(r.path().startsWith("through the proxy 127.0.0.1:" + port), r.path());
        for (RevocationFetch f : r.fetches()) {
            assertEquals("proxy 127.0.0.1:" + port, f.via());
        }
        assertTrue(SEEN.contains("GET " + pki.url("/good.crl")), "the proxy forwarded the CRL fetch: " + SEEN);
        assertTrue(SEEN.contains("POST " + pki.url("/ocsp/unknown")), "and the OCSP request: " + SEEN);
    }

    @Test
    void aDirectFetchFailsWhereOnlyTheProxyCanResolve() {
        long now = System.nanoTime();
        RevocationResult direct = new RevocationChecker(NOTHING, Clock.systemUTC(), new RevocationCache(),
                RevocationPolicy.DEFAULT).check(pki.chain(pki.leaf(List.of(pki.url("/good.crl")), List.of())), null,
                null, now, now + TimeUnit.SECONDS.toNanos(5), new Cancellation());
        assertEquals(Outcome.REVOCATION_OFFLINE, direct.outcome());
        assertEquals("name_not_found", direct.fetches().get(0).problem());
        assertTrue(TestProbes.LOOPBACK_ONLY != null);
    }

    @Test
    void aProxyThatBlocksTheCrlHostIsNamedAsTheOneThatAnswered() throws Exception {
        RevocationResult r = check(pki.leaf(List.of(pki.url("/blocked/ca.crl")), List.of()));
        assertEquals(Outcome.REVOCATION_OFFLINE, r.outcome(), r.detail());
        assertEquals(AnsweredBy.PROXY, r.answeredBy());
        RevocationFetch f = r.fetches().get(0);
        assertEquals(403, f.httpStatus());
        assertEquals(AnsweredBy.PROXY, f.answeredBy());
        assertTrue(f.detail().contains("ERR_ACCESS_DENIED") && f.detail().contains("from the proxy"), f.detail());
    }
}
