package org.sstpdoctor.probe;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.sstpdoctor.target.HostKind;
import org.sstpdoctor.target.ProxyEndpoint;
import org.sstpdoctor.target.Target;

/**
 * One attempt as its steps see it: the request, what earlier steps found, and where a step puts
 * what it finds. Made and read by the probe's own thread; the transport reports through
 * {@link StageTracker}, which is thread-safe.
 */
public final class AttemptContext {
    private final ProbeRequest request;
    private final ProxyEndpoint proxy;
    private final boolean withCredentials;
    private final X509TrustManager validator;
    private final HostResolver resolver;
    private final Clock clock;
    private final Cancellation cancellation;
    private final StageTracker tracker;
    private final long deadlineNanos;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final List<Finding> stageFindings = new ArrayList<>();

    private List<InetAddress> addresses = List.of();
    private Transport.Exchange exchange;
    private Observation observation;
    private TlsInfo tls;
    private HttpReply httpResponse;
    private SstpResult sstp;
    private org.sstpdoctor.probe.revocation.RevocationCache revocationCache;
    private org.sstpdoctor.probe.revocation.RevocationResult revocation;
    private Classified layer;
    private Insights insights = Insights.NONE;

    AttemptContext(ProbeRequest request, ProxyEndpoint proxy, boolean withCredentials, X509TrustManager validator,
                   HostResolver resolver, Clock clock, Cancellation cancellation, StageTracker tracker,
                   long deadlineNanos) {
        this.request = request;
        this.proxy = proxy;
        this.withCredentials = withCredentials;
        this.validator = validator;
        this.resolver = resolver;
        this.clock = clock;
        this.cancellation = cancellation;
        this.tracker = tracker;
        this.deadlineNanos = deadlineNanos;
    }

    public ProbeRequest request() { return request; }
    public Target target() { return request.target(); }
    /** The web proxy in use, or null for a direct connection. */
    public ProxyEndpoint proxy() { return proxy; }
    public boolean viaProxy() { return proxy != null; }
    /** Whether this attempt signs in to the proxy (the second attempt, after a 407). */
    public boolean withCredentials() { return withCredentials; }
    public X509TrustManager validator() { return validator; }
    public HostResolver resolver() { return resolver; }
    public Clock clock() { return clock; }
    public Cancellation cancellation() { return cancellation; }
    public StageTracker tracker() { return tracker; }
    public long deadlineNanos() { return deadlineNanos; }

    /** The host the first connection goes to: the proxy's when there is one. */
    public String connectHost() {
        return proxy != null ? proxy.asciiHost() : target().asciiHost();
    }

    public HostKind connectHostKind() {
        return proxy != null ? proxy.kind() : target().kind();
    }

    public List<InetAddress> addresses() { return addresses; }
    public void addresses(List<InetAddress> resolved) { addresses = List.copyOf(resolved); }

    /** The open connection, once the transport steps ran; null before. */
    public Transport.Exchange exchange() { return exchange; }
    void exchange(Transport.Exchange opened) { exchange = opened; }

    public Observation observation() { return observation; }
    void observation(Observation observed) { observation = observed; }

    /** The certificate analysis, once TLS started; null before or without TLS. */
    public TlsInfo tls() { return tls; }
    void tls(TlsInfo info) { tls = info; }

    public HttpReply httpResponse() { return httpResponse; }
    void httpResponse(HttpReply reply) { httpResponse = reply; }

    public SstpResult sstp() { return sstp; }
    public void sstp(SstpResult result) { sstp = result; }

    /** What the connection's layers came to, for a finishing step; null before. */
    public Classified layer() { return layer; }
    void layer(Classified decided) { layer = decided; }

    /** What Windows will do (set by the Windows step); {@link Insights#NONE} before. */
    public Insights insights() { return insights; }
    public void insights(Insights worked) { insights = worked == null ? Insights.NONE : worked; }

    /** A remark for the person ("the proxy's credentials were not used"). */
    public void note(String note) { notes.add(note); }
    public List<String> notes() { return List.copyOf(notes); }

    /**
     * A problem found by a step that Windows would stop at but the probe looks past (as with a
     * certificate): a FAIL finding decides the verdict, and what came after it is reported as the
     * outcome beyond it.
     */
    public void addFinding(Finding finding) { stageFindings.add(finding); }

    /** One fetch per CRL/OCSP address per run (both attempts of a probe; a whole batch). */
    public org.sstpdoctor.probe.revocation.RevocationCache revocationCache() {
        if (revocationCache == null) {
            revocationCache = new org.sstpdoctor.probe.revocation.RevocationCache();
        }
        return revocationCache;
    }
    void revocationCache(org.sstpdoctor.probe.revocation.RevocationCache cache) { revocationCache = cache; }
    public org.sstpdoctor.probe.revocation.RevocationResult revocation() { return revocation; }
    public void revocation(org.sstpdoctor.probe.revocation.RevocationResult result) { revocation = result; }
    public List<Finding> stageFindings() { return List.copyOf(stageFindings); }

    // --- the sign-in test (issue 13): what "Signing in" hands to "Getting an address" -------------

    private org.sstpdoctor.sstp.CryptoBindingRequest bindingRequest;
    private SignInStep.Session signInSession;
    private SignInReport signInReport;

    /** The Ack's crypto binding request when the call was kept open for the sign-in; else null. */
    public org.sstpdoctor.sstp.CryptoBindingRequest bindingRequest() { return bindingRequest; }
    void bindingRequest(org.sstpdoctor.sstp.CryptoBindingRequest request) { bindingRequest = request; }
    SignInStep.Session signInSession() { return signInSession; }
    void signInSession(SignInStep.Session session) { signInSession = session; }
    /** The sign-in test's report once it ended (or was refused); else null. */
    public SignInReport signInReport() { return signInReport; }
    void signInReport(SignInReport report) { signInReport = report; }

    public TransportSpec transportSpec() {
        return new TransportSpec(target(), proxy, addresses,
                withCredentials ? request.proxy().user() : null,
                withCredentials ? request.proxy().password() : null,
                validator, connectionDeadlineNanos());
    }

    /**
     * The connection's own deadline: a fifth of the time (at most 2 s) is kept for the revocation
     * check that follows it, so a server that never answers still leaves time to check its chain.
     */
    public long connectionDeadlineNanos() {
        long reserve = Math.min(java.util.concurrent.TimeUnit.SECONDS.toNanos(2), request.timeout().toNanos() / 5);
        return deadlineNanos - reserve;
    }
}
