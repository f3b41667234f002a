package org.sstpdoctor.probe.revocation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.sstpdoctor.probe.AnsweredBy;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.Failure;
import org.sstpdoctor.probe.HostResolver;
import org.sstpdoctor.probe.NameLookup;
import org.sstpdoctor.target.ProxyEndpoint;

/**
 * Fetches a CRL or an OCSP answer over HTTP, the way the probe reaches the VPN server: directly, or
 * through the same web proxy (Windows' certificate code fetches these itself, through the proxy
 * settings, so a proxy that lets the VPN through but blocks the CRL host makes Windows fail).
 * Bounded in time (each fetch, and the caller's deadline) and in size; cancel stops it at once.
 */
final class RevocationFetcher {
    static final MediaType OCSP_REQUEST = MediaType.get("application/ocsp-request");
    /**
     * For http: addresses, which is what CRL and OCSP addresses are: cleartext only, so building it
     * sets up no TLS (the JDK's default trust store read and every system CA indexed, in the middle
     * of the revocation stage's time). An https: address gets OkHttp's default client, made when one is met.
     */
    private static final OkHttpClient CLEARTEXT = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();

    private static final class WithTls {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder().build();
    }

    /** A fetch as recorded, and the body when one came. */
    record Answer(RevocationFetch fetch, byte[] body) {
    }

    private final HostResolver resolver;
    private final ProxyEndpoint proxy;
    private final long originNanos;
    private final Cancellation cancellation;
    private final String via;

    private final String proxyUser;
    private final org.sstpdoctor.probe.Secret proxyPassword;

    RevocationFetcher(HostResolver resolver, ProxyEndpoint proxy, long originNanos, Cancellation cancellation) {
        this(resolver, proxy, null, null, originNanos, cancellation);
    }

    /** With proxy credentials (the signed-in attempt): sent only to the proxy, only in answer to its 407. */
    RevocationFetcher(HostResolver resolver, ProxyEndpoint proxy, String proxyUser, org.sstpdoctor.probe.Secret proxyPassword,
                      long originNanos, Cancellation cancellation) {
        this.proxyUser = proxyUser;
        this.proxyPassword = proxyPassword;
        this.resolver = resolver;
        this.proxy = proxy;
        this.originNanos = originNanos;
        this.cancellation = cancellation;
        this.via = proxy == null ? "direct" : "proxy " + proxy;
    }

    String via() {
        return via;
    }

    /** GET for a CRL ({@code ocspRequest} null), POST for OCSP (RFC 6960 appendix A.1). */
    @SuppressWarnings("try") // the cancel registration is held only to be closed when the fetch ends
    Answer fetch(String kind, String url, byte[] ocspRequest, long maxBytes, long timeoutNanos) {
        double start = now();
        String shown = PeerText.clean(url);
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return failed(kind, shown, start, AnsweredBy.THIS_COMPUTER, -1, 0, "unsupported_scheme",
                    "not an address that can be fetched over HTTP");
        }
        long timeoutMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        long deadline = System.nanoTime() + timeoutNanos;
        OkHttpClient client = (parsed.isHttps() ? WithTls.CLIENT : CLEARTEXT).newBuilder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .proxy(proxy == null ? Proxy.NO_PROXY
                        : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.asciiHost(), proxy.port())))
                .dns(host -> lookup(host, deadline))
                .proxyAuthenticator(this::answerProxy)
                .retryOnConnectionFailure(false)
                .fastFallback(false)
                .followSslRedirects(false)
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .writeTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .callTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build();
        Request.Builder request = new Request.Builder().url(parsed);
        if (ocspRequest != null) {
            request.post(RequestBody.create(ocspRequest, OCSP_REQUEST));
        }
        Call call = client.newCall(request.build());
        try (AutoCloseable ignored = cancellation.onCancel(call::cancel); Response response = call.execute()) {
            return read(kind, shown, start, response, maxBytes);
        } catch (IOException e) {
            return classify(kind, shown, start, e);
        } catch (Exception e) {
            return failed(kind, shown, start, AnsweredBy.THIS_COMPUTER, -1, 0, "failed", PeerText.clean(message(e)));
        } finally {
            client.connectionPool().evictAll();
        }
    }

    private Answer read(String kind, String url, double start, Response response, long maxBytes) throws IOException {
        AnsweredBy by = answerer(response);
        int code = response.code();
        if (code != 200) {
            String squid = response.header("X-Squid-Error");
            String what = "HTTP " + code + (response.message().isEmpty() ? "" : " " + PeerText.clean(response.message()))
                    + (squid == null ? "" : " (X-Squid-Error: " + PeerText.clean(squid) + ")")
                    + (by == AnsweredBy.PROXY ? " from the proxy" : "");
            return failed(kind, url, start, by, code, 0, "http_status", what);
        }
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > maxBytes) {
            return failed(kind, url, start, by, code, 0, "too_large",
                    "the answer declares " + declared + " bytes, more than the " + maxBytes + " allowed");
        }
        Buffer buffer = new Buffer();
        BufferedSource source = body.source();
        while (buffer.size() <= maxBytes) {
            if (cancellation.isCancelled()) {
                return failed(kind, url, start, AnsweredBy.THIS_COMPUTER, code, buffer.size(), "cancelled", "cancelled");
            }
            if (source.read(buffer, 64 * 1024) < 0) {
                byte[] bytes = buffer.readByteArray();
                return new Answer(new RevocationFetch(kind, url, via, by, code, bytes.length, start, now() - start,
                        "", "HTTP 200, " + bytes.length + " bytes", false), bytes);
            }
        }
        return failed(kind, url, start, by, code, buffer.size(), "too_large",
                "the answer is larger than the " + maxBytes + " bytes allowed; the fetch was stopped");
    }

    /** Basic credentials for the proxy's own 407, once; nothing before it is asked, nothing without credentials. */
    private Request answerProxy(okhttp3.Route route, Response response) {
        if (proxyUser == null || response.code() != 407 || response.request().header("Proxy-Authorization") != null
                || response.challenges().stream().noneMatch(c -> "basic".equalsIgnoreCase(c.scheme()))) {
            return null;
        }
        char[] chars = proxyPassword == null ? new char[0] : proxyPassword.reveal();
        try {
            return response.request().newBuilder().header("Proxy-Authorization",
                    okhttp3.Credentials.basic(proxyUser, new String(chars), java.nio.charset.StandardCharsets.UTF_8)).build();
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    /** Through a proxy, an error page is the proxy's own when it says so; otherwise the server's. */
    private AnsweredBy answerer(Response response) {
        if (proxy == null) {
            return AnsweredBy.SERVER;
        }
        String server = String.valueOf(response.header("Server")).toLowerCase(Locale.ROOT);
        boolean proxyOwn = response.code() == 407 || response.header("X-Squid-Error") != null
                || response.header("Proxy-Authenticate") != null
                || (response.code() != 200 && (server.contains("squid") || server.contains("tinyproxy")));
        return proxyOwn ? AnsweredBy.PROXY : AnsweredBy.SERVER;
    }

    private Answer classify(String kind, String url, double start, IOException e) {
        if (cancellation.isCancelled()) {
            return failed(kind, url, start, AnsweredBy.THIS_COMPUTER, -1, 0, "cancelled", "cancelled");
        }
        String proxyPart = proxy == null ? "" : "the proxy " + proxy + ": ";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LookupTimeout) {
                return failed(kind, url, start, AnsweredBy.NOBODY, -1, 0, "timeout", proxyPart + t.getMessage());
            }
            if (t instanceof UnknownHostException) {
                return failed(kind, url, start, AnsweredBy.NETWORK, -1, 0, "name_not_found",
                        (proxy == null ? "name not found: " : "the proxy's name was not found: ")
                                + PeerText.clean(t.getMessage()));
            }
        }
        // The probe's own classification of exceptions (the one place that reads JDK messages).
        Failure.Kind failure = Failure.of(e).kind();
        if (failure == Failure.Kind.REFUSED) {
            return failed(kind, url, start, AnsweredBy.NETWORK, -1, 0, "refused",
                    proxyPart + "connection refused");
        }
        if (failure == Failure.Kind.TIMEOUT) {
            return failed(kind, url, start, AnsweredBy.NOBODY, -1, 0, "timeout",
                    proxyPart + "no answer in time");
        }
        if (failure == Failure.Kind.UNREACHABLE) {
            return failed(kind, url, start, AnsweredBy.NETWORK, -1, 0, "unreachable", proxyPart + "no route");
        }
        return failed(kind, url, start, proxy == null ? AnsweredBy.SERVER : AnsweredBy.PROXY, -1, 0, "failed",
                proxyPart + PeerText.clean(message(e)));
    }

    private List<InetAddress> lookup(String host, long deadline) throws UnknownHostException {
        NameLookup.Result result = NameLookup.lookup(resolver, host, deadline - System.nanoTime(), cancellation);
        if (result.kind() == NameLookup.Kind.FOUND) {
            return result.addresses();
        }
        if (result.kind() == NameLookup.Kind.TIMEOUT) {
            throw new LookupTimeout("the name " + host + " was not looked up in time");
        }
        throw new UnknownHostException(host + ": " + result.detail());
    }

    private Answer failed(String kind, String url, double start, AnsweredBy by, int status, long bytes, String problem,
                          String detail) {
        return new Answer(new RevocationFetch(kind, url, via, by, status, bytes, start, now() - start, problem, detail,
                false), null);
    }

    private double now() {
        return (System.nanoTime() - originNanos) / 1_000_000.0;
    }

    /** OkHttp's Dns may only throw UnknownHostException; this one means "no answer in time". */
    private static final class LookupTimeout extends UnknownHostException {
        LookupTimeout(String message) {
            super(message);
        }
    }

    /** The most informative message of the cause chain, one line. */
    private static String message(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
        }
        return best == null ? e.getClass().getSimpleName() : best.lines().findFirst().orElse(best);
    }
}
