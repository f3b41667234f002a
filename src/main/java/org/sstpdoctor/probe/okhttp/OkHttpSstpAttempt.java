package org.sstpdoctor.probe.okhttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.sstpdoctor.probe.AnsweredBy;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.Finding;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeListener;
import org.sstpdoctor.probe.ProxyReply;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.probe.SignInReport;
import org.sstpdoctor.probe.SignInStage;
import org.sstpdoctor.probe.SstpResult;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.probe.StageStatus;
import org.sstpdoctor.probe.TlsInfo;
import org.sstpdoctor.probe.Verdict;
import org.sstpdoctor.probe.tls.CertificateAnalyzer;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.sstp.CryptoBindingRequest;
import org.sstpdoctor.sstp.DataPacket;
import org.sstpdoctor.sstp.MessageType;
import org.sstpdoctor.sstp.SstpCodec;
import org.sstpdoctor.sstp.SstpFormatException;
import org.sstpdoctor.sstp.SstpPacket;
import org.sstpdoctor.sstp.StatusInfo;
import org.sstpdoctor.signin.Credentials;
import org.sstpdoctor.signin.QueuedPacketChannel;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.target.HostKind;
import org.sstpdoctor.target.ProxyEndpoint;
import org.sstpdoctor.target.Target;
import org.sstpdoctor.text.PeerText;

/**
 * One SSTP connection attempt through OkHttp: TCP, the proxy tunnel, TLS, the SSTP HTTP handshake,
 * and after the 200 the SSTP control exchange on the same connection. Every failure is classified
 * here, where its cause is known, from what the {@link AttemptRecorder} saw.
 */
public final class OkHttpSstpAttempt {
    /** What a real SSTP server declares: 2^64-1, more than a Java long holds. */
    public static final String SSTP_CONTENT_LENGTH = "18446744073709551615";
    static final String SSTP_METHOD = "SSTP_DUPLEX_POST";
    /** How long to wait for CALL_DISCONNECT_ACK before simply closing. */
    private static final long DISCONNECT_WAIT_MILLIS = 1000;
    /** Data or echo packets tolerated around the Ack before giving up on it. */
    private static final int MAX_PACKETS_BEFORE_ANSWER = 64;

    private static final OkHttpClient BASE = new OkHttpClient.Builder().build();

    /**
     * @param proxy the web proxy to tunnel through, or null for a direct connection
     * @param addresses what the name to connect to (the proxy's when there is one) resolved to
     * @param user proxy user name, or null to connect as Windows does (no proxy credentials)
     * @param validator Java's trust decision (system CAs plus any extra ones)
     * @param signIn the VPN user's credentials for the sign-in test after the Ack, or null
     */
    public record Spec(Target target, ProxyEndpoint proxy, List<InetAddress> addresses, String user, Secret password,
                       X509TrustManager validator, long originNanos, long deadlineNanos, Credentials signIn) {
    }

    /** Everything the attempt found; {@code stages} covers TCP connect to the SSTP answer. */
    public record Result(Outcome outcome, AnsweredBy answeredBy, String detail, List<Finding> findings,
                         Finding beyondCertificate, List<StageResult> stages, List<String> connectAttempts,
                         HttpReply httpResponse, List<ProxyReply> proxyReplies, TlsInfo tls, SstpResult sstp,
                         String requestHead, List<String> notes, boolean credentialsUsed, SignInReport signIn) {
    }

    private final Spec spec;
    private final ProbeListener listener;
    private final Cancellation cancellation;
    private final Clock clock;
    private final AttemptRecorder recorder;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Socket> connectionSocket = new AtomicReference<>();

    private HttpReply httpResponse;
    private SstpResult sstpResult;
    private SignInReport signIn;
    private double controlStart = -1;
    private double controlEnd = -1;

    private OkHttpSstpAttempt(Spec spec, ProbeListener listener, Cancellation cancellation, Clock clock) {
        this.spec = spec;
        this.listener = listener;
        this.cancellation = cancellation;
        this.clock = clock;
        this.recorder = new AttemptRecorder(spec.originNanos(), listener, spec.proxy() != null);
    }

    public static Result run(Spec spec, ProbeListener listener, Cancellation cancellation, Clock clock) {
        return new OkHttpSstpAttempt(spec, listener, cancellation, clock).run();
    }

    private Result run() {
        OkHttpClient client;
        try {
            client = client();
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            return finish(new Classified(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER,
                    "TLS is not available in this Java runtime: " + e.getMessage(), null));
        }
        Call call = client.newCall(sstpRequest());
        try (AutoCloseable ignored = cancellation.onCancel(() -> {
            call.cancel();
            closeQuietly(connectionSocket.get());
            recorder.closeAll();
        })) {
            return finish(execute(call));
        } catch (Exception e) {
            // only AutoCloseable.close() can land here, and it does not throw
            return finish(new Classified(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER, e.toString(), null));
        } finally {
            closeQuietly(connectionSocket.get());
            recorder.closeAll();
            client.connectionPool().evictAll();
        }
    }

    private OkHttpClient client() throws NoSuchAlgorithmException, KeyManagementException {
        RecordingTrustManager trustManager = new RecordingTrustManager(spec.validator(), recorder);
        // A fresh context per attempt: no TLS session is resumed, so every probe sees the full handshake.
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustManager}, null);
        long remaining = Math.max(1, TimeUnit.NANOSECONDS.toMillis(spec.deadlineNanos() - System.nanoTime()));
        Proxy proxy = spec.proxy() == null ? Proxy.NO_PROXY
                : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(spec.proxy().asciiHost(), spec.proxy().port()));
        return BASE.newBuilder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .dns(this::lookup)
                .proxy(proxy)
                .proxyAuthenticator(new ProxyChallengeAnswerer(spec.user(), spec.password(), notes))
                .socketFactory(new TappingSocketFactory(recorder))
                .sslSocketFactory(new SstpSslSocketFactory(context.getSocketFactory(), recorder), trustManager)
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
    private List<InetAddress> lookup(String hostname) throws UnknownHostException {
        String expected = spec.proxy() != null ? spec.proxy().asciiHost() : spec.target().asciiHost();
        if (!hostname.equalsIgnoreCase(expected) || spec.addresses().isEmpty()) {
            throw new UnknownHostException(hostname + " was not resolved by the probe");
        }
        return spec.addresses();
    }

    private Request sstpRequest() {
        Target target = spec.target();
        HttpUrl url = new HttpUrl.Builder()
                .scheme("https")
                .host(target.asciiHost())
                .port(target.port())
                .addPathSegment(AddressParser.SSTP_PATH.substring(1, AddressParser.SSTP_PATH.length() - 1))
                .addPathSegment("")
                .build();
        return new Request.Builder()
                .url(url)
                .method(SSTP_METHOD, null)
                .header("SSTPCORRELATIONID", "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}")
                // With no body OkHttp leaves a Content-Length header as it is.
                .header("Content-Length", SSTP_CONTENT_LENGTH)
                .build();
    }

    // --- the exchange ---------------------------------------------------------------------------

    private Classified execute(Call call) {
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            return classifyFailure(e);
        } catch (RuntimeException e) {
            // OkHttp rejects some broken replies with unchecked exceptions
            if (phase() == Phase.HTTP) {
                return new Classified(Outcome.MALFORMED_HTTP_RESPONSE, AnsweredBy.SERVER, Failures.message(e), Stage.SSTP_HTTP);
            }
            return new Classified(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER, e.toString(), phase().stage);
        }
        try (response) {
            httpResponse = toReply(response);
            if (response.code() != 200) {
                httpResponse = httpResponse.withBodyExcerpt(excerpt(response.body()));
                return new Classified(Outcome.HTTP_STATUS, AnsweredBy.SERVER, "HTTP " + response.code()
                        + (response.message().isEmpty() ? "" : " " + RawHttp.visible(response.message())), Stage.SSTP_HTTP);
            }
            if (response.protocol() != Protocol.HTTP_1_1) {
                return new Classified(Outcome.HTTP_VERSION_NOT_1_1, AnsweredBy.SERVER,
                        "the server answered 200 in " + httpResponse.protocol() + "; SSTP clients require HTTP/1.1",
                        Stage.SSTP_HTTP);
            }
            Optional<String> notSstp = notSstpReason(response);
            if (notSstp.isPresent()) {
                httpResponse = httpResponse.withBodyExcerpt(excerpt(response.body()));
                return new Classified(Outcome.NOT_SSTP, AnsweredBy.SERVER, notSstp.get(), Stage.SSTP_HTTP);
            }
            return controlExchange(response.body().source());
        }
    }

    /** A 200 whose framing is that of an ordinary web page cannot be an SSTP server. */
    private static Optional<String> notSstpReason(Response response) {
        String length = response.header("Content-Length");
        String transferEncoding = response.header("Transfer-Encoding");
        if (transferEncoding != null) {
            return Optional.of("the 200 answer is framed as a web page (Transfer-Encoding: " + RawHttp.visible(transferEncoding)
                    + "); an SSTP server declares Content-Length: " + SSTP_CONTENT_LENGTH);
        }
        if (length != null && !length.trim().equals(SSTP_CONTENT_LENGTH)) {
            return Optional.of("the 200 answer declares Content-Length: " + RawHttp.visible(length)
                    + "; an SSTP server declares " + SSTP_CONTENT_LENGTH);
        }
        return Optional.empty();
    }

    private Classified controlExchange(BufferedSource source) {
        Socket socket = connectionSocket.get();
        byte[] request = ControlPacket.callConnectRequest().encode();
        String requestHex = SstpCodec.hex(request);
        controlStart = recorder.now();
        listener.stageStarted(Stage.SSTP_CONTROL, controlStart);
        if (socket == null) {
            return new Classified(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER,
                    "the connection was not handed over after the 200", Stage.SSTP_CONTROL);
        }
        InputStream in = source.inputStream();
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            for (int i = 0; i < MAX_PACKETS_BEFORE_ANSWER; i++) {
                Optional<SstpPacket> next = SstpCodec.read(in);
                if (next.isEmpty()) {
                    controlEnd = recorder.now();
                    sstpResult = new SstpResult(requestHex, "", "", "", -1, "", "", "the server closed the connection");
                    return new Classified(Outcome.CONNECTION_CLOSED, AnsweredBy.SERVER,
                            "the server closed the connection after the 200 without answering the Call Connect Request",
                            Stage.SSTP_CONTROL);
                }
                SstpPacket packet = next.get();
                if (packet instanceof DataPacket) {
                    continue; // data may arrive around the Ack; it is not the answer
                }
                ControlPacket control = (ControlPacket) packet;
                if (control.knownType().orElse(null) == MessageType.ECHO_REQUEST) {
                    SstpCodec.write(out, ControlPacket.echoResponse());
                    continue;
                }
                controlEnd = recorder.now();
                return answer(control, requestHex, source, out);
            }
            controlEnd = recorder.now();
            sstpResult = new SstpResult(requestHex, "", "", "", -1, "", "", "closed");
            return new Classified(Outcome.SSTP_MALFORMED, AnsweredBy.SERVER, "the server sent "
                    + MAX_PACKETS_BEFORE_ANSWER + " packets without answering the Call Connect Request", Stage.SSTP_CONTROL);
        } catch (SstpFormatException e) {
            controlEnd = recorder.now();
            sstpResult = new SstpResult(requestHex, "", "", "", -1, "", "", "closed");
            if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("version")) {
                return new Classified(Outcome.NOT_SSTP, AnsweredBy.SERVER,
                        "after the 200 the server sent something that is not SSTP: " + e.getMessage(), Stage.SSTP_CONTROL);
            }
            return new Classified(Outcome.SSTP_MALFORMED, AnsweredBy.SERVER, e.getMessage(), Stage.SSTP_CONTROL);
        } catch (java.io.EOFException e) {
            controlEnd = recorder.now();
            sstpResult = new SstpResult(requestHex, "", "", "", -1, "", "", "closed");
            if (cancellation.isCancelled()) {
                return cancelled();
            }
            // The packet's own length field promised more than came: a framing error, not a mere close.
            return new Classified(Outcome.SSTP_MALFORMED, AnsweredBy.SERVER,
                    "the connection ended inside an SSTP packet: " + Failures.message(e), Stage.SSTP_CONTROL);
        } catch (IOException | RuntimeException e) {
            controlEnd = recorder.now();
            sstpResult = new SstpResult(requestHex, "", "", "", -1, "", "", "closed");
            if (cancellation.isCancelled()) {
                return cancelled();
            }
            if (Failures.isTimeout(e)) {
                return new Classified(Outcome.SSTP_NO_ANSWER, AnsweredBy.SERVER,
                        "no answer to the Call Connect Request before the time ran out", Stage.SSTP_CONTROL);
            }
            if (Failures.isReset(e)) {
                return new Classified(Outcome.CONNECTION_RESET, AnsweredBy.SERVER,
                        "the server reset the connection after the 200", Stage.SSTP_CONTROL);
            }
            if (Failures.isEndOfStream(e)) {
                return new Classified(Outcome.CONNECTION_CLOSED, AnsweredBy.SERVER,
                        "the server closed the connection in the middle of an SSTP packet", Stage.SSTP_CONTROL);
            }
            return new Classified(Outcome.SSTP_MALFORMED, AnsweredBy.SERVER, Failures.message(e), Stage.SSTP_CONTROL);
        }
    }

    private Classified answer(ControlPacket control, String requestHex, BufferedSource source, OutputStream out) {
        String hex = SstpCodec.hex(control.encode());
        String description = SstpCodec.describe(control);
        MessageType type = control.knownType().orElse(null);
        String typeName = type == null ? "unknown message type " + control.messageType() : type.name();
        StatusInfo status = statusInfo(control);
        long statusCode = status == null ? -1 : status.status();
        String statusName = status == null ? "" : status.knownStatus().map(Enum::name).orElse("status " + statusCode);
        if (type == MessageType.CALL_CONNECT_ACK) {
            String hashes = control.attribute(org.sstpdoctor.sstp.AttributeId.CRYPTO_BINDING_REQ)
                    .flatMap(OkHttpSstpAttempt::bindingRequest)
                    .map(OkHttpSstpAttempt::describeHashes).orElse("");
            Optional<CryptoBindingRequest> binding = control.attribute(org.sstpdoctor.sstp.AttributeId.CRYPTO_BINDING_REQ)
                    .flatMap(OkHttpSstpAttempt::bindingRequest);
            String ending;
            if (spec.signIn() != null && binding.isPresent()) {
                signIn = signIn(binding.get(), source, out);
                ending = signIn.attempted() ? signIn.ending() : leave(source, out);
            } else {
                ending = leave(source, out);
            }
            sstpResult = new SstpResult(requestHex, typeName, description, hex, -1, "", hashes, ending);
            if (hashes.isEmpty()) {
                return new Classified(Outcome.SSTP_MALFORMED, AnsweredBy.SERVER,
                        "the Call Connect Ack carries no valid crypto binding request", Stage.SSTP_CONTROL);
            }
            return new Classified(Outcome.SSTP_ACK, AnsweredBy.SERVER,
                    "Call Connect Ack received (crypto binding: " + hashes + ")", Stage.SSTP_CONTROL);
        }
        sstpResult = new SstpResult(requestHex, typeName, description, hex, statusCode, statusName, "", "closed");
        if (type == MessageType.CALL_CONNECT_NAK) {
            return new Classified(Outcome.SSTP_NAK, AnsweredBy.SERVER, "Call Connect Nak"
                    + (status == null ? "" : ": " + statusName), Stage.SSTP_CONTROL);
        }
        if (type == MessageType.CALL_ABORT || type == MessageType.CALL_DISCONNECT) {
            return new Classified(Outcome.SSTP_ABORTED, AnsweredBy.SERVER, typeName
                    + (status == null ? "" : ": " + statusName), Stage.SSTP_CONTROL);
        }
        return new Classified(Outcome.SSTP_MALFORMED, AnsweredBy.SERVER,
                "expected a Call Connect Ack or Nak, received " + description, Stage.SSTP_CONTROL);
    }

    /** The sign-in test on this call, or the reason it must not run (a certificate that failed a check). */
    private SignInReport signIn(CryptoBindingRequest binding, BufferedSource source, OutputStream out) {
        List<java.security.cert.X509Certificate> chain = recorder.chain();
        Optional<String> refusal = SignInStage.refusal(tlsInfo(), chain);
        if (refusal.isPresent()) {
            return SignInReport.skipped(spec.signIn().nameOnWire(), refusal.get());
        }
        // No read may time out on OkHttp's body source: a failed read releases the connection and closes
        // its socket, and the PPP timers must wait, retransmit and wait again. A reader thread feeds a queue.
        Socket socket = connectionSocket.get();
        source.timeout().clearDeadline().timeout(0, TimeUnit.MILLISECONDS);
        double deadline = (spec.deadlineNanos() - spec.originNanos()) / 1e6;
        try (QueuedPacketChannel channel = new QueuedPacketChannel(source.inputStream(), out, () -> closeQuietly(socket))) {
            return SignInStage.run(spec.signIn(), binding, chain.get(0), channel, recorder::now, deadline, cancellation, listener);
        }
    }

    /** Leaves the call politely: CALL_DISCONNECT, then a short wait for its acknowledgement. */
    private String leave(BufferedSource source, OutputStream out) {
        try {
            source.timeout().timeout(DISCONNECT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            SstpCodec.write(out, ControlPacket.callDisconnect());
            InputStream in = source.inputStream();
            for (int i = 0; i < MAX_PACKETS_BEFORE_ANSWER; i++) {
                Optional<SstpPacket> next = SstpCodec.read(in);
                if (next.isEmpty()) {
                    return "CALL_DISCONNECT sent; the server closed the connection";
                }
                if (next.get() instanceof ControlPacket c
                        && c.knownType().orElse(null) == MessageType.CALL_DISCONNECT_ACK) {
                    return "CALL_DISCONNECT acknowledged";
                }
            }
            return "CALL_DISCONNECT sent; closed";
        } catch (IOException | RuntimeException e) {
            return "CALL_DISCONNECT sent; closed without acknowledgement";
        }
    }

    private static StatusInfo statusInfo(ControlPacket control) {
        return control.attribute(org.sstpdoctor.sstp.AttributeId.STATUS_INFO).map(a -> {
            try {
                return StatusInfo.parse(a.value());
            } catch (SstpFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private static Optional<CryptoBindingRequest> bindingRequest(org.sstpdoctor.sstp.Attribute attribute) {
        try {
            return Optional.of(CryptoBindingRequest.parse(attribute.value()));
        } catch (SstpFormatException e) {
            return Optional.empty();
        }
    }

    private static String describeHashes(CryptoBindingRequest request) {
        List<String> names = new ArrayList<>();
        if (request.supportsSha256()) {
            names.add("SHA-256");
        }
        if (request.supportsSha1()) {
            names.add("SHA-1");
        }
        return String.join(" + ", names);
    }

    // --- failures -------------------------------------------------------------------------------

    private enum Phase {
        CONNECT(Stage.TCP_CONNECT), PROXY(Stage.PROXY_CONNECT), TLS(Stage.TLS_HANDSHAKE), HTTP(Stage.SSTP_HTTP);

        final Stage stage;

        Phase(Stage stage) {
            this.stage = stage;
        }
    }

    private Phase phase() {
        if (recorder.tcpEnd() < 0) {
            return Phase.CONNECT;
        }
        if (recorder.tlsStart() < 0) {
            return recorder.viaProxy() ? Phase.PROXY : Phase.TLS;
        }
        if (recorder.tlsEnd() < 0) {
            return Phase.TLS;
        }
        return Phase.HTTP;
    }

    private Classified cancelled() {
        return new Classified(Outcome.CANCELLED, AnsweredBy.THIS_COMPUTER, "cancelled", null);
    }

    private Classified classifyFailure(IOException e) {
        if (cancellation.isCancelled()) {
            return cancelled();
        }
        String message = Failures.message(e);
        boolean viaProxy = recorder.viaProxy();
        Phase phase = phase();
        // A proxy's refusal shows in its replies even when OkHttp only says "Failed to authenticate".
        if (viaProxy && recorder.tlsStart() < 0) {
            Optional<Classified> refusal = proxyRefusal();
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        switch (phase) {
            case CONNECT -> {
                String attempts = String.join(", ", recorder.connectAttempts());
                String what = viaProxy ? "the proxy " + spec.proxy() : spec.target().toString();
                if (viaProxy) {
                    return new Classified(Outcome.PROXY_UNREACHABLE, AnsweredBy.NETWORK,
                            "could not connect to " + what + ": " + Failures.shortReason(e) + " (" + attempts + ")",
                            Stage.TCP_CONNECT);
                }
                if (Failures.isRefused(e)) {
                    return new Classified(Outcome.CONNECTION_REFUSED, AnsweredBy.NETWORK,
                            "connection refused (" + attempts + ")", Stage.TCP_CONNECT);
                }
                if (Failures.isTimeout(e)) {
                    return new Classified(Outcome.CONNECT_TIMEOUT, AnsweredBy.NOBODY,
                            "no answer to the connection attempt (" + attempts + ")", Stage.TCP_CONNECT);
                }
                if (Failures.isUnreachable(e)) {
                    return new Classified(Outcome.NETWORK_UNREACHABLE, AnsweredBy.NETWORK,
                            message + " (" + attempts + ")", Stage.TCP_CONNECT);
                }
                return new Classified(Outcome.NETWORK_UNREACHABLE, AnsweredBy.NETWORK, message, Stage.TCP_CONNECT);
            }
            case PROXY -> {
                String why;
                if (Failures.isTimeout(e)) {
                    why = "the proxy did not answer the CONNECT request in time";
                } else if (Failures.isReset(e)) {
                    why = "the proxy reset the connection instead of answering the CONNECT request";
                } else if (Failures.isEndOfStream(e)) {
                    why = "the proxy closed the connection without answering the CONNECT request";
                } else {
                    why = "the proxy's answer to CONNECT is not valid HTTP: " + message;
                }
                return new Classified(Outcome.PROXY_BAD_REPLY, AnsweredBy.PROXY, why, Stage.PROXY_CONNECT);
            }
            case TLS -> {
                return classifyTlsFailure(e, message);
            }
            default -> {
                return classifyHttpFailure(e, message);
            }
        }
    }

    private Classified classifyTlsFailure(IOException e, String message) {
        SocketTap tap = recorder.tlsTap();
        boolean silentPeer = tap == null || tap.bytesReceivedAfterTls() == 0;
        // Through a proxy, a tunnel that ends before the server said a word was most likely the proxy's doing.
        AnsweredBy closer = recorder.viaProxy() && silentPeer ? AnsweredBy.PROXY : AnsweredBy.SERVER;
        String via = recorder.viaProxy() && silentPeer ? " (through the proxy, before the server sent anything)" : "";
        if (Failures.isNotTls(e)) {
            return new Classified(Outcome.NOT_TLS, AnsweredBy.SERVER,
                    "the port answered, but not with TLS (plain HTTP or another protocol): " + message, Stage.TLS_HANDSHAKE);
        }
        if (Failures.isTimeout(e)) {
            return new Classified(Outcome.TLS_TIMEOUT, closer,
                    "the TLS handshake did not complete in time" + via, Stage.TLS_HANDSHAKE);
        }
        if (Failures.isReset(e)) {
            return new Classified(Outcome.CONNECTION_RESET, closer,
                    "the connection was reset during the TLS handshake" + via, Stage.TLS_HANDSHAKE);
        }
        if (Failures.isEndOfStream(e)) {
            return new Classified(Outcome.CONNECTION_CLOSED, closer,
                    "the connection was closed during the TLS handshake" + via, Stage.TLS_HANDSHAKE);
        }
        return new Classified(Outcome.TLS_HANDSHAKE_FAILED, AnsweredBy.SERVER, message, Stage.TLS_HANDSHAKE);
    }

    private Classified classifyHttpFailure(IOException e, String message) {
        Response answered = recorder.response();
        if (answered != null && answered.code() != 200) {
            // OkHttp refuses some answers after reading them (a 407 without a proxy): the server still answered.
            httpResponse = toReply(answered);
            return new Classified(Outcome.HTTP_STATUS, AnsweredBy.SERVER, "HTTP " + answered.code()
                    + (answered.message().isEmpty() ? "" : " " + RawHttp.visible(answered.message())), Stage.SSTP_HTTP);
        }
        if (Failures.messageContains(e, "fatal alert")) {
            // With TLS 1.3 the server may reject the handshake only after the client has finished it.
            return new Classified(Outcome.TLS_HANDSHAKE_FAILED, AnsweredBy.SERVER, message, Stage.TLS_HANDSHAKE);
        }
        if (Failures.isTimeout(e)) {
            return new Classified(Outcome.NO_HTTP_RESPONSE, AnsweredBy.SERVER,
                    "the secure connection works, but no complete answer to the SSTP request came before the time ran out",
                    Stage.SSTP_HTTP);
        }
        if (e instanceof java.net.ProtocolException || Failures.messageContains(e, "unexpected status line")) {
            return new Classified(Outcome.MALFORMED_HTTP_RESPONSE, AnsweredBy.SERVER, message, Stage.SSTP_HTTP);
        }
        if (Failures.isReset(e)) {
            return new Classified(Outcome.CONNECTION_RESET, AnsweredBy.SERVER,
                    "the server reset the connection instead of answering the SSTP request", Stage.SSTP_HTTP);
        }
        if (Failures.isEndOfStream(e)) {
            return new Classified(Outcome.CONNECTION_CLOSED, AnsweredBy.SERVER,
                    "the server closed the connection without answering the SSTP request", Stage.SSTP_HTTP);
        }
        return new Classified(Outcome.MALFORMED_HTTP_RESPONSE, AnsweredBy.SERVER, message, Stage.SSTP_HTTP);
    }

    /** The last proxy answer, when it refused the tunnel. */
    private Optional<Classified> proxyRefusal() {
        List<ProxyReply> replies = proxyReplies();
        if (replies.isEmpty()) {
            return Optional.empty();
        }
        ProxyReply last = replies.get(replies.size() - 1);
        HttpReply reply = last.reply();
        int code = reply.code();
        if (code == 200) {
            return Optional.empty();
        }
        String status = "HTTP " + code + (reply.reason().isEmpty() ? "" : " " + reply.reason());
        String hints = reply.productHints().stream().map(h -> h.name() + ": " + h.value())
                .reduce((a, b) -> a + "; " + b).map(s -> " (" + s + ")").orElse("");
        if (code == 407 || code == 401) {
            if (last.credentialsSent()) {
                return Optional.of(new Classified(Outcome.PROXY_AUTH_FAILED, AnsweredBy.PROXY,
                        "the proxy rejected the credentials: " + status + hints, Stage.PROXY_CONNECT));
            }
            if (code == 407) {
                String schemes = last.authSchemes().isEmpty() ? "" : ", it asks for " + String.join(" / ", last.authSchemes());
                return Optional.of(new Classified(Outcome.PROXY_AUTH_REQUIRED, AnsweredBy.PROXY,
                        "the proxy demands a sign-in: " + status + schemes + hints, Stage.PROXY_CONNECT));
            }
        }
        return Optional.of(new Classified(Outcome.PROXY_REFUSED, AnsweredBy.PROXY,
                "the proxy refused the tunnel: " + status + hints, Stage.PROXY_CONNECT));
    }

    private List<ProxyReply> proxyReplies() {
        if (!recorder.viaProxy()) {
            return List.of();
        }
        List<ProxyReply> all = new ArrayList<>();
        for (SocketTap tap : recorder.taps()) {
            List<RawHttp.RawRequest> requests = RawHttp.parseRequests(tap.sentBeforeTls());
            List<HttpReply> replies = RawHttp.parseReplies(tap.receivedBeforeTls());
            for (int i = 0; i < replies.size(); i++) {
                RawHttp.RawRequest request = i < requests.size() ? requests.get(i) : null;
                String target = request == null ? "" : connectTarget(request.requestLine());
                boolean credentials = request != null && request.has("Proxy-Authorization");
                all.add(new ProxyReply(target, credentials, replies.get(i), schemes(replies.get(i))));
            }
        }
        return all;
    }

    private static String connectTarget(String requestLine) {
        String[] parts = requestLine.split(" ");
        return parts.length >= 2 ? RawHttp.visible(parts[1]) : "";
    }

    private static List<String> schemes(HttpReply reply) {
        List<String> schemes = new ArrayList<>();
        for (String value : reply.headers("Proxy-Authenticate")) {
            String scheme = value.trim().split("[\\s,]", 2)[0];
            if (!scheme.isEmpty() && !schemes.contains(scheme)) {
                schemes.add(scheme);
            }
        }
        return schemes;
    }

    // --- assembling the result ------------------------------------------------------------------

    /** The layer outcome, before certificate findings are weighed in; {@code stage} is where it happened. */
    private record Classified(Outcome outcome, AnsweredBy answeredBy, String detail, Stage stage) {
    }

    private Result finish(Classified layer) {
        if (cancellation.isCancelled() && layer.outcome() != Outcome.CANCELLED) {
            layer = cancelled();
        }
        double end = recorder.now();
        TlsInfo tls = tlsInfo();
        Finding layerFinding = new Finding(layer.outcome(), layer.detail());
        List<Finding> certificateFailures = tls == null ? List.of()
                : tls.findings().stream().filter(f -> f.verdict() == Verdict.FAIL).toList();
        List<Finding> certificateWarnings = tls == null ? List.of()
                : tls.findings().stream().filter(f -> f.verdict() == Verdict.WARN).toList();

        List<Finding> findings = new ArrayList<>();
        Finding beyond = null;
        Outcome outcome;
        AnsweredBy answeredBy;
        String detail;
        boolean cancelled = layer.outcome() == Outcome.CANCELLED;
        if (!certificateFailures.isEmpty() && !cancelled) {
            // Windows stops at the certificate; what lies past it is reported, not decisive.
            findings.addAll(certificateFailures);
            findings.add(layerFinding);
            findings.addAll(certificateWarnings);
            beyond = layerFinding;
            outcome = certificateFailures.get(0).outcome();
            answeredBy = AnsweredBy.SERVER;
            detail = certificateFailures.get(0).detail();
        } else if (layer.outcome() == Outcome.SSTP_ACK && signIn != null && signIn.attempted()) {
            // With credentials the question is whether this user gets in: the sign-in decides.
            Finding signInFinding = new Finding(signIn.outcome(), signIn.detail());
            findings.add(signInFinding);
            findings.addAll(certificateWarnings);
            boolean signedIn = signIn.outcome() == Outcome.SIGNED_IN;
            outcome = signedIn && !certificateWarnings.isEmpty() ? certificateWarnings.get(0).outcome() : signIn.outcome();
            answeredBy = signIn.outcome() == Outcome.CANCELLED ? AnsweredBy.THIS_COMPUTER : AnsweredBy.SERVER;
            detail = signedIn && !certificateWarnings.isEmpty() ? certificateWarnings.get(0).detail() : signIn.detail();
        } else if (layer.outcome() == Outcome.SSTP_ACK && !certificateWarnings.isEmpty()) {
            findings.addAll(certificateWarnings);
            findings.add(layerFinding);
            outcome = certificateWarnings.get(0).outcome();
            answeredBy = AnsweredBy.SERVER;
            detail = certificateWarnings.get(0).detail();
        } else {
            findings.add(layerFinding);
            findings.addAll(certificateWarnings);
            outcome = layer.outcome();
            answeredBy = layer.answeredBy();
            detail = layer.detail();
        }
        byte[] head = recorder.requestHead();
        return new Result(outcome, answeredBy, detail, findings, beyond, stages(layer, tls, end),
                recorder.connectAttempts(), httpResponse, proxyReplies(), tls, sstpResult,
                head == null ? "" : new String(head, StandardCharsets.ISO_8859_1), List.copyOf(notes),
                spec.user() != null, signIn);
    }

    private TlsInfo tlsInfo() {
        if (recorder.tlsStart() < 0) {
            return null;
        }
        Handshake handshake = recorder.handshake();
        var chain = recorder.chain();
        if (handshake == null && chain.isEmpty()) {
            return new TlsInfo("", "", List.of(), false, "", false, List.of());
        }
        return CertificateAnalyzer.analyze(chain, recorder.trustFailureOrNull(), spec.target().asciiHost(),
                spec.target().kind() != HostKind.DNS_NAME, clock.instant(),
                handshake == null ? "" : handshake.tlsVersion().javaName(),
                handshake == null ? "" : handshake.cipherSuite().javaName());
    }

    private List<StageResult> stages(Classified layer, TlsInfo tls, double end) {
        Stage failed = layer.stage();
        boolean cancelled = layer.outcome() == Outcome.CANCELLED;
        if (cancelled) {
            failed = currentStage();
        }
        String failDetail = cancelled ? "cancelled" : layer.detail();
        List<StageResult> out = new ArrayList<>();

        double tcpStart = recorder.tcpStart();
        double tcpEnd = recorder.tcpEnd();
        out.add(stage(Stage.TCP_CONNECT, tcpStart, tcpEnd, end, failed, failDetail,
                tcpEnd >= 0 ? "connected to " + lastConnected() : ""));

        if (!recorder.viaProxy()) {
            out.add(StageResult.skipped(Stage.PROXY_CONNECT, "no proxy"));
        } else {
            double proxyStart = tcpEnd;
            double proxyEnd = recorder.tlsStart();
            List<ProxyReply> replies = proxyReplies();
            String ok = replies.isEmpty() ? "tunnel opened" : replies.get(replies.size() - 1).reply().statusLine();
            out.add(stage(Stage.PROXY_CONNECT, proxyStart, proxyEnd, end, failed, failDetail, ok));
        }

        double tlsStart = recorder.tlsStart();
        double tlsEnd = recorder.tlsEnd();
        StageResult tlsStage = stage(Stage.TLS_HANDSHAKE, tlsStart, tlsEnd, end, failed, failDetail,
                tls == null ? "" : tls.protocol() + ", " + tls.cipherSuite());
        if (tls != null && tlsStage.status() == StageStatus.PASSED && !tls.findings().isEmpty()) {
            Finding worst = tls.findings().get(0);
            tlsStage = new StageResult(Stage.TLS_HANDSHAKE,
                    worst.verdict() == Verdict.FAIL ? StageStatus.FAILED : StageStatus.WARNED,
                    tlsStage.startMillis(), tlsStage.durationMillis(),
                    "handshake completed, but: " + worst.outcome().title().toLowerCase(Locale.ROOT) + " (" + worst.detail() + ")");
        }
        out.add(tlsStage);

        double httpStart = recorder.httpStart();
        double httpEnd = recorder.httpEnd();
        StageResult http = stage(Stage.SSTP_HTTP, httpStart, httpEnd, end, failed, failDetail,
                httpResponse == null ? "" : httpResponse.statusLine());
        if (httpResponse != null && failed == Stage.SSTP_HTTP && httpEnd >= 0) {
            http = new StageResult(Stage.SSTP_HTTP, StageStatus.FAILED, httpStart, httpEnd - httpStart, failDetail);
        }
        out.add(http);

        if (controlStart < 0) {
            out.add(StageResult.notReached(Stage.SSTP_CONTROL));
        } else {
            double ctrlEnd = controlEnd < 0 ? end : controlEnd;
            boolean ack = layer.outcome() == Outcome.SSTP_ACK;
            out.add(new StageResult(Stage.SSTP_CONTROL, ack ? StageStatus.PASSED : StageStatus.FAILED, controlStart,
                    ctrlEnd - controlStart, ack ? layer.detail() : failDetail));
        }
        if (spec.signIn() != null && signIn == null) {
            out.add(StageResult.notReached(Stage.SIGN_IN));
            out.add(StageResult.notReached(Stage.GET_ADDRESS));
        } else {
            out.addAll(SignInStage.stages(signIn));
        }
        return out;
    }

    private StageResult stage(Stage stage, double start, double stop, double end, Stage failed, String failDetail,
                              String okDetail) {
        if (start < 0) {
            return StageResult.notReached(stage);
        }
        if (stop >= 0 && failed != stage) {
            return new StageResult(stage, StageStatus.PASSED, start, stop - start, okDetail);
        }
        if (failed == stage) {
            double until = stop >= 0 ? stop : end;
            return new StageResult(stage, StageStatus.FAILED, start, until - start, failDetail);
        }
        // Started, never finished, and not the failing stage: only possible when the attempt was cut short.
        return new StageResult(stage, StageStatus.FAILED, start, end - start, failDetail);
    }

    private Stage currentStage() {
        if (controlStart >= 0) {
            return Stage.SSTP_CONTROL;
        }
        return phase().stage;
    }

    private String lastConnected() {
        List<String> attempts = recorder.connectAttempts();
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).endsWith(" connected")) {
                return attempts.get(i).substring(0, attempts.get(i).length() - " connected".length());
            }
        }
        return "";
    }

    private static HttpReply toReply(Response response) {
        List<Header> headers = new ArrayList<>();
        response.headers().forEach(pair -> headers.add(new Header(RawHttp.visible(pair.getFirst()),
                RawHttp.visible(pair.getSecond()))));
        String protocol = response.protocol() == Protocol.HTTP_1_0 ? "HTTP/1.0" : "HTTP/1.1";
        String reason = RawHttp.visible(response.message());
        String statusLine = protocol + " " + response.code() + (reason.isEmpty() ? "" : " " + reason);
        return new HttpReply(statusLine, protocol, response.code(), reason, headers, "", 0);
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
        return PeerText.lines(buffer.readString(StandardCharsets.UTF_8));
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
