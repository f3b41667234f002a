package org.sstpdoctor.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.X509TrustManager;
import org.sstpdoctor.probe.okhttp.OkHttpSstpAttempt;
import org.sstpdoctor.target.HostKind;
import org.sstpdoctor.target.ProxyEndpoint;
import org.sstpdoctor.target.Target;

/**
 * The SSTP probe: resolves the name, then runs the connection attempt, and returns one immutable
 * report. The first attempt is made as Windows' SSTP client would make it, without proxy
 * credentials; if the proxy then asks for a sign-in and credentials were given, a second attempt
 * uses them, to show what lies beyond the proxy.
 *
 * <p>Blocking: call it off any UI thread. It returns within the request's timeout per attempt, and
 * within a fraction of a second of {@link Cancellation#cancel()}.
 */
public final class SstpProbe {
    private final HostResolver resolver;
    private final SystemProxyDetector proxyDetector;
    private final Clock clock;
    private final String toolVersion;

    public SstpProbe() {
        this(HostResolver.system(), SystemProxyDetector.ofThisComputer(), Clock.systemUTC());
    }

    public SstpProbe(HostResolver resolver, SystemProxyDetector proxyDetector, Clock clock) {
        this.resolver = resolver;
        this.proxyDetector = proxyDetector;
        this.clock = clock;
        this.toolVersion = Version.current();
    }

    public ProbeReport run(ProbeRequest request) {
        return run(request, ProbeListener.NONE, new Cancellation());
    }

    public ProbeReport run(ProbeRequest request, ProbeListener listener, Cancellation cancellation) {
        try {
            return runChecked(request, listener, cancellation);
        } catch (RuntimeException e) {
            // A bug must still end in a report, never in a stack trace on the person's screen.
            return internalError(request, e);
        }
    }

    private ProbeReport runChecked(ProbeRequest request, ProbeListener listener, Cancellation cancellation) {
        ProxySettings settings = request.proxy();
        ProxyEndpoint proxy;
        String proxySource;
        List<String> notes = new ArrayList<>();
        switch (settings.mode()) {
            case MANUAL -> {
                proxy = settings.endpoint();
                proxySource = "typed";
            }
            case SYSTEM -> {
                SystemProxyDetector.Detection detection = proxyDetector.detect(request.target());
                proxy = detection.proxy().orElse(null);
                proxySource = detection.source();
                notes.addAll(detection.notes());
            }
            default -> {
                proxy = null;
                proxySource = "none";
            }
        }
        ProxyInfo proxyInfo = new ProxyInfo(settings.mode(), proxy == null ? "" : proxy.toString(), proxySource,
                settings.user(), settings.password() != null && !settings.password().isEmpty());
        X509TrustManager validator = TrustStores.withExtra(request.extraTrust());

        ProbeReport first = attempt(request, proxy, proxyInfo, validator, false, notes, listener, cancellation);
        boolean askedForSignIn = first.outcome() == Outcome.PROXY_AUTH_REQUIRED;
        if (proxy == null || !settings.hasCredentials() || !askedForSignIn || cancellation.isCancelled()) {
            return first;
        }
        listener.note("The proxy asks for a sign-in, which Windows' SSTP client cannot give. "
                + "Trying again with the proxy credentials you gave, to see what lies beyond the proxy.");
        ProbeReport second = attempt(request, proxy, proxyInfo, validator, true, List.of(), listener, cancellation);
        return first.withAuthenticatedRetry(second);
    }

    private ProbeReport attempt(ProbeRequest request, ProxyEndpoint proxy, ProxyInfo proxyInfo,
                                X509TrustManager validator, boolean withCredentials, List<String> notes,
                                ProbeListener listener, Cancellation cancellation) {
        long origin = System.nanoTime();
        long deadline = origin + request.timeout().toNanos();
        Instant startedAt = clock.instant();
        Target target = request.target();
        String host = proxy != null ? proxy.asciiHost() : target.asciiHost();
        HostKind kind = proxy != null ? proxy.kind() : target.kind();

        List<InetAddress> addresses;
        StageResult resolve;
        if (kind != HostKind.DNS_NAME) {
            try {
                // A literal address: InetAddress parses it without any lookup.
                addresses = List.of(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return failedBeforeConnect(request, proxyInfo, startedAt, origin, Outcome.BAD_INPUT,
                        "not a usable IP address: " + host, StageStatus.FAILED, notes, withCredentials);
            }
            resolve = new StageResult(Stage.RESOLVE, StageStatus.PASSED, 0, 0,
                    host + " is an IP address; nothing to look up");
            listener.stageFinished(resolve);
        } else {
            listener.stageStarted(Stage.RESOLVE, millisSince(origin));
            NameLookup.Result lookup = NameLookup.lookup(resolver, host, deadline - System.nanoTime(), cancellation);
            double took = millisSince(origin);
            if (lookup.kind() != NameLookup.Kind.FOUND) {
                Outcome outcome = switch (lookup.kind()) {
                    case CANCELLED -> Outcome.CANCELLED;
                    case NOT_FOUND -> proxy != null ? Outcome.PROXY_NOT_FOUND : Outcome.DNS_NOT_FOUND;
                    default -> proxy != null ? Outcome.PROXY_NOT_FOUND : Outcome.DNS_FAILURE;
                };
                String detail = (proxy != null ? "the proxy's name " : "") + host + ": " + lookup.detail();
                if (cancellation.isCancelled()) {
                    outcome = Outcome.CANCELLED;
                    detail = "cancelled";
                }
                return failedBeforeConnect(request, proxyInfo, startedAt, origin, outcome, detail,
                        StageStatus.FAILED, notes, withCredentials);
            }
            addresses = lookup.addresses();
            resolve = new StageResult(Stage.RESOLVE, StageStatus.PASSED, 0, took, host + " -> "
                    + addresses.stream().map(org.sstpdoctor.target.IpAddresses::toText).collect(Collectors.joining(", "))
                    + (proxy != null ? " (the proxy looks up the VPN server's name itself)" : ""));
            listener.stageFinished(resolve);
        }
        if (cancellation.isCancelled()) {
            return failedBeforeConnect(request, proxyInfo, startedAt, origin, Outcome.CANCELLED, "cancelled",
                    StageStatus.PASSED, notes, withCredentials);
        }

        OkHttpSstpAttempt.Spec spec = new OkHttpSstpAttempt.Spec(target, proxy, addresses,
                withCredentials ? request.proxy().user() : null,
                withCredentials ? request.proxy().password() : null,
                validator, origin, deadline, request.signIn());
        OkHttpSstpAttempt.Result result = OkHttpSstpAttempt.run(spec, listener, cancellation, clock);

        List<StageResult> stages = new ArrayList<>();
        stages.add(resolve);
        stages.addAll(result.stages());
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(result.notes());
        return new ProbeReport(toolVersion, startedAt, targetInfo(request), proxyInfo,
                result.outcome(), result.outcome().verdict(), result.answeredBy(), result.detail(),
                result.findings(), result.beyondCertificate(), stages,
                addresses.stream().map(org.sstpdoctor.target.IpAddresses::toText).toList(), result.connectAttempts(),
                result.httpResponse(), result.proxyReplies(), result.tls(), result.sstp(), result.requestHead(),
                allNotes, millisSince(origin), result.credentialsUsed(), null, result.signIn());
    }

    private ProbeReport failedBeforeConnect(ProbeRequest request, ProxyInfo proxyInfo, Instant startedAt, long origin,
                                            Outcome outcome, String detail, StageStatus resolveStatus,
                                            List<String> notes, boolean withCredentials) {
        double took = millisSince(origin);
        List<StageResult> stages = new ArrayList<>();
        stages.add(new StageResult(Stage.RESOLVE, resolveStatus, 0, took,
                resolveStatus == StageStatus.FAILED ? detail : ""));
        stages.add(StageResult.notReached(Stage.TCP_CONNECT));
        stages.add(proxyInfo.used() ? StageResult.notReached(Stage.PROXY_CONNECT)
                : StageResult.skipped(Stage.PROXY_CONNECT, "no proxy"));
        stages.add(StageResult.notReached(Stage.TLS_HANDSHAKE));
        stages.add(StageResult.notReached(Stage.SSTP_HTTP));
        stages.add(StageResult.notReached(Stage.SSTP_CONTROL));
        stages.addAll(request.signIn() == null ? SignInStage.stages(null)
                : List.of(StageResult.notReached(Stage.SIGN_IN), StageResult.notReached(Stage.GET_ADDRESS)));
        AnsweredBy answeredBy = outcome == Outcome.CANCELLED || outcome == Outcome.BAD_INPUT
                ? AnsweredBy.THIS_COMPUTER : outcome.typicalAnswerer();
        if (outcome == Outcome.DNS_FAILURE && detail.contains("no answer")) {
            answeredBy = AnsweredBy.NOBODY;
        }
        return new ProbeReport(toolVersion, startedAt, targetInfo(request), proxyInfo, outcome, outcome.verdict(),
                answeredBy, detail, List.of(new Finding(outcome, detail)), null, stages, List.of(), List.of(),
                null, List.of(), null, null, "", notes, took, withCredentials, null, null);
    }

    private ProbeReport internalError(ProbeRequest request, RuntimeException e) {
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        ProxyInfo proxyInfo = new ProxyInfo(request.proxy().mode(),
                Optional.ofNullable(request.proxy().endpoint()).map(Object::toString).orElse(""), "",
                request.proxy().user(), request.proxy().password() != null);
        List<StageResult> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            stages.add(StageResult.notReached(stage));
        }
        return new ProbeReport(toolVersion, clock.instant(), targetInfo(request), proxyInfo, Outcome.INTERNAL_ERROR,
                Verdict.FAIL, AnsweredBy.THIS_COMPUTER, detail, List.of(new Finding(Outcome.INTERNAL_ERROR, detail)),
                null, stages, List.of(), List.of(), null, List.of(), null, null, "", List.of(), 0, false, null, null);
    }

    private static TargetInfo targetInfo(ProbeRequest request) {
        Target t = request.target();
        return new TargetInfo(request.typedAddress(), t.asciiHost(), t.displayHost(), t.port(), t.sstpUrl());
    }

    private static double millisSince(long origin) {
        return (System.nanoTime() - origin) / 1_000_000.0;
    }
}
