package org.sstpdoctor.probe.okhttp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.Failure;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.Transport;
import org.sstpdoctor.probe.TransportSpec;
import org.sstpdoctor.sstp.SstpHttp;
import org.sstpdoctor.target.Target;

/**
 * The transport through OkHttp, pinned to HTTP/1.1: TCP, the proxy tunnel, TLS and the SSTP
 * request on one call; after the 200 the connection is handed over for the SSTP packets. It sets
 * up the client and records; it does not classify.
 */
public final class OkHttpTransport implements Transport {
    /**
     * OkHttp's default connection specs, set on every attempt's client (the TLS versions and cipher
     * suites OkHttp offers come from them; tests assert the ClientHello). The shared base client has
     * cleartext only: with a TLS spec, building it would set up a second, unused TLS configuration
     * (the JDK's default trust store read again and an index of every system CA built), which a
     * one-probe process pays for before its TCP connection opens.
     */
    static final List<ConnectionSpec> CONNECTION_SPECS = List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);
    private static final OkHttpClient BASE = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();

    @Override
    public Exchange open(TransportSpec spec, TransportEvents events, Cancellation cancellation) {
        AttemptRecorder recorder = new AttemptRecorder(events, spec.viaProxy());
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Socket> connectionSocket = new AtomicReference<>();
        OkHttpExchange exchange = new OkHttpExchange(recorder, connectionSocket, notes);
        OkHttpClient client;
        try {
            client = client(spec, recorder, notes, connectionSocket);
        } catch (GeneralSecurityException e) {
            exchange.fail(new Failure(Failure.Kind.INTERNAL, "TLS is not available in this Java runtime: " + e.getMessage()));
            return exchange;
        }
        Call call = client.newCall(sstpRequest(spec.target()));
        exchange.attach(client, cancellation.onCancel(() -> {
            call.cancel();
            exchange.close();
        }));
        try {
            Response response = call.execute();
            exchange.answered(response);
        } catch (IOException e) {
            exchange.fail(Failure.of(e));
        } catch (RuntimeException e) {
            // OkHttp rejects some broken replies with unchecked exceptions
            exchange.fail(Failure.internal(e));
        }
        return exchange;
    }

    private static OkHttpClient client(TransportSpec spec, AttemptRecorder recorder, List<String> notes,
                                       AtomicReference<Socket> connectionSocket) throws GeneralSecurityException {
        RecordingTrustManager trustManager = new RecordingTrustManager(spec.validator(), recorder);
        // A fresh context per attempt: no TLS session is resumed, so every probe sees the full handshake.
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustManager}, null);
        long remaining = Math.max(1, TimeUnit.NANOSECONDS.toMillis(spec.deadlineNanos() - System.nanoTime()));
        Proxy proxy = spec.proxy() == null ? Proxy.NO_PROXY
                : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(spec.proxy().asciiHost(), spec.proxy().port()));
        return BASE.newBuilder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .dns(hostname -> lookup(spec, hostname))
                .proxy(proxy)
                .proxyAuthenticator(new ProxyChallengeAnswerer(spec.user(), spec.password(), notes))
                .socketFactory(new TappingSocketFactory(recorder))
                .connectionSpecs(CONNECTION_SPECS)
                .sslSocketFactory(new SstpSslSocketFactory(context.getSocketFactory(), recorder), new PinningOnlyView(trustManager))
                // The name is checked, and reported, by CertificateAnalyzer; the probe sends the server no secret.
                .hostnameVerifier((host, session) -> true)
                .retryOnConnectionFailure(false)
                .fastFallback(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
                .eventListener(recorder)
                .addNetworkInterceptor(chain -> {
                    connectionSocket.set(chain.connection().socket());
                    return chain.proceed(chain.request());
                })
                // The socket's own connect timeout fires just before the call's, so a dropped SYN reads as "timed out".
                .connectTimeout(Math.max(1, remaining - Math.min(250, remaining / 10)), TimeUnit.MILLISECONDS)
                .readTimeout(remaining, TimeUnit.MILLISECONDS)
                .writeTimeout(remaining, TimeUnit.MILLISECONDS)
                .callTimeout(remaining, TimeUnit.MILLISECONDS)
                .build();
    }

    /** Names were resolved before the attempt (with their own timeout and cancel); hand them over. */
    private static List<InetAddress> lookup(TransportSpec spec, String hostname) throws UnknownHostException {
        String expected = spec.proxy() != null ? spec.proxy().asciiHost() : spec.target().asciiHost();
        if (!hostname.equalsIgnoreCase(expected) || spec.addresses().isEmpty()) {
            throw new UnknownHostException(hostname + " was not resolved by the probe");
        }
        return spec.addresses();
    }

    private static Request sstpRequest(Target target) {
        HttpUrl url = new HttpUrl.Builder()
                .scheme("https")
                .host(target.asciiHost())
                .port(target.port())
                .addPathSegment(SstpHttp.PATH_SEGMENT)
                .addPathSegment("")
                .build();
        return new Request.Builder()
                .url(url)
                .method(SstpHttp.METHOD, null)
                .header("SSTPCORRELATIONID", "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}")
                // With no body OkHttp leaves a Content-Length header as it is.
                .header("Content-Length", SstpHttp.CONTENT_LENGTH)
                .build();
    }

    static HttpReply toReply(Response response) {
        List<org.sstpdoctor.probe.Header> headers = new ArrayList<>();
        response.headers().forEach(pair -> headers.add(new org.sstpdoctor.probe.Header(RawHttp.visible(pair.getFirst()),
                RawHttp.visible(pair.getSecond()))));
        String protocol = response.protocol() == Protocol.HTTP_1_0 ? "HTTP/1.0" : "HTTP/1.1";
        String reason = RawHttp.visible(response.message());
        String statusLine = protocol + " " + response.code() + (reason.isEmpty() ? "" : " " + reason);
        return new HttpReply(statusLine, protocol, response.code(), reason, headers, "", 0);
    }
}
