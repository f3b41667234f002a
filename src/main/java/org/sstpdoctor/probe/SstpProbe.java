package org.sstpdoctor.probe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sstpdoctor.probe.evidence.WindowsView;
import javax.net.ssl.X509TrustManager;
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
    private static final System.Logger LOG = System.getLogger(SstpProbe.class.getName());
    private final HostResolver resolver;
    private final SystemProxyDetector proxyDetector;
    private final Clock clock;
    private final Transport transport;
    private final List<Step> steps;
    private final String toolVersion;
    /** Shared by every run of this probe (a batch), or null: a new one per run. */
    private final org.sstpdoctor.probe.revocation.RevocationCache sharedRevocationCache;

    /**
     * @param transport carries out the connection (the OkHttp one: {@code probe.okhttp.OkHttpTransport})
     */
    public SstpProbe(HostResolver resolver, SystemProxyDetector proxyDetector, Clock clock, Transport transport) {
        this(resolver, proxyDetector, clock, transport, Pipeline.STEPS);
    }

    /** With another list of steps: for tests of the pipeline itself. */
    public SstpProbe(HostResolver resolver, SystemProxyDetector proxyDetector, Clock clock, Transport transport,
                     List<Step> steps) {
        this(resolver, proxyDetector, clock, transport, steps, null);
    }

    private SstpProbe(HostResolver resolver, SystemProxyDetector proxyDetector, Clock clock, Transport transport,
                      List<Step> steps, org.sstpdoctor.probe.revocation.RevocationCache sharedRevocationCache) {
        this.resolver = resolver;
        this.proxyDetector = proxyDetector;
        this.clock = clock;
        this.transport = transport;
        this.steps = List.copyOf(steps);
        this.toolVersion = Version.current();
        this.sharedRevocationCache = sharedRevocationCache;
    }

    /**
     * The same probe with one revocation cache for all its runs (batch mode): each CRL or OCSP
     * address is fetched once for the whole list, and again only after its answer's nextUpdate.
     */
    public SstpProbe sharingRevocationChecks() {
        return new SstpProbe(resolver, proxyDetector, clock, transport, steps, new org.sstpdoctor.probe.revocation.RevocationCache());
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

        org.sstpdoctor.probe.revocation.RevocationCache revocationCache = sharedRevocationCache != null ? sharedRevocationCache
                : new org.sstpdoctor.probe.revocation.RevocationCache();
        ProbeReport first = attempt(request, proxy, proxyInfo, validator, false, notes, listener, cancellation,
                revocationCache);
        boolean askedForSignIn = first.outcome() == Outcome.PROXY_AUTH_REQUIRED;
        if (proxy == null || !settings.hasCredentials() || !askedForSignIn || cancellation.isCancelled()) {
            return first;
        }
        listener.note("The proxy asks for a sign-in, which Windows' SSTP client cannot give. "
                + "Trying again with the proxy credentials you gave, to see what lies beyond the proxy.");
        ProbeReport second = attempt(request, proxy, proxyInfo, validator, true, List.of(), listener, cancellation,
                revocationCache);
        return first.withAuthenticatedRetry(second);
    }

    private ProbeReport attempt(ProbeRequest request, ProxyEndpoint proxy, ProxyInfo proxyInfo,
                                X509TrustManager validator, boolean withCredentials, List<String> notes,
                                ProbeListener listener, Cancellation cancellation, org.sstpdoctor.probe.revocation.RevocationCache revocationCache) {
        long origin = System.nanoTime();
        long deadline = origin + request.timeout().toNanos();
        Instant startedAt = clock.instant();
        StageTracker tracker = new StageTracker(origin, listener);
        // Never the password: only whether this attempt signs in.
        LOG.log(System.Logger.Level.DEBUG, "attempt: {0} port {1}, proxy {2}, timeout {3} ms, {4}",
                request.target().asciiHost(), request.target().port(), proxy == null ? "none" : proxy.toString(),
                request.timeout().toMillis(), withCredentials ? "signing in to the proxy" : "no proxy credentials (as Windows)");
        AttemptContext context = new AttemptContext(request, proxy, withCredentials, validator, resolver, clock,
                cancellation, tracker, deadline);
        context.revocationCache(revocationCache);
        AttemptRunner.Result result = new AttemptRunner(steps, transport).run(context);
        VerdictRule.Decision decided = result.decision();
        // What Windows will do (the Windows step's insights) weighed into the verdict.
        WindowsView.Result decision = WindowsView.decide(context.insights(), decided.outcome(), decided.answeredBy(),
                decided.detail(), decided.findings(), proxy != null, result.httpResponse());
        Observation observed = result.observation();
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(result.notes());
        return ProbeReport.builder().toolVersion(toolVersion).startedAt(startedAt).target(targetInfo(request))
                .proxy(proxyInfo)
                .outcome(decision.outcome(), decision.answeredBy(), decision.detail())
                .findings(decision.findings()).beyondCertificate(decided.beyond())
                .stages(result.stages())
                .resolvedAddresses(context.addresses().stream().map(org.sstpdoctor.target.IpAddresses::toText).toList())
                .connectAttempts(observed == null ? List.of() : observed.connectAttempts())
                .proxyReplies(observed == null ? List.of() : observed.proxyReplies())
                .requestHead(observed == null ? "" : observed.requestHead())
                .connectHead(observed == null ? "" : observed.connectHead()).revocation(context.revocation())
                .httpResponse(result.httpResponse()).tls(result.tls()).sstp(result.sstp()).signIn(signInReport(request, result))
                .notes(allNotes).totalMillis(millisSince(origin)).credentialsUsed(withCredentials)
                .insights(decision.insights())
                .build();
    }

    /** The report for a probe that failed inside this program (a bug, or the JVM out of threads or memory). */
    public ProbeReport internalError(ProbeRequest request, Throwable e) {
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        ProxyInfo proxyInfo = new ProxyInfo(request.proxy().mode(),
                request.proxy().endpoint() == null ? "" : request.proxy().endpoint().toString(), "",
                request.proxy().user(), request.proxy().password() != null);
        // every stage not reached: the builder's default
        return ProbeReport.builder().toolVersion(toolVersion).startedAt(clock.instant()).target(targetInfo(request))
                .proxy(proxyInfo).outcome(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER, detail).build();
    }

    /** The sign-in section: the test's own report, or why it did not run; null without a VPN user name. */
    private static SignInReport signInReport(ProbeRequest request, AttemptRunner.Result result) {
        if (request.signIn() == null || result.signIn() != null) {
            return result.signIn();
        }
        StageResult stage = result.stages().stream().filter(s -> s.stage() == Stage.SIGN_IN).findFirst().orElse(null);
        String why = stage != null && stage.status() == StageStatus.SKIPPED ? stage.detail()
                : "not reached: the probe ended before the sign-in";
        return SignInReport.skipped(request.signIn().nameOnWire(), why);
    }

    private static TargetInfo targetInfo(ProbeRequest request) {
        Target t = request.target();
        return new TargetInfo(request.typedAddress(), t.asciiHost(), t.displayHost(), t.port(), t.sstpUrl());
    }

    private static double millisSince(long origin) {
        return (System.nanoTime() - origin) / 1_000_000.0;
    }
}
