package org.sstpdoctor.probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sstpdoctor.text.PeerText;

/**
 * Everything one probe found, immutable, in groups: the run, the target and proxy, the diagnosis,
 * the stages, the network, the SSTP request and answer, TLS, the SSTP exchange. The first attempt is
 * always made as Windows would make it (no proxy credentials); when credentials were given and the
 * proxy asked for them, the second attempt is in {@link #authenticatedRetry()}.
 *
 * <p>Nullable sections (the answer, TLS, the SSTP exchange, the retry) are null when the probe never
 * got that far. The flat accessors ({@link #outcome()}, {@link #tls()} ...) read the groups.
 * Tests build reports with {@link #builder()}, no socket needed.
 *
 * @param stages one per {@link Stage}, in order
 * @param tls the secure connection and certificate chain, when TLS started; else null
 * @param sstp the control exchange, when it started; else null
 * @param notes remarks for the person, e.g. about proxy credentials
 * @param authenticatedRetry the second, signed-in attempt; else null
 * @param insights what Windows will do: the compatibility table, crypto-binding hashes, interception,
 *                 what the server looks like, clocks, a login page ({@link Insights#NONE} when not worked out)
 * @param connectHead the exact CONNECT request head sent to the web proxy (the first), "" without a proxy
 * @param revocation the revocation check of the chain, null when no certificate was received
 * @param signIn the sign-in test, when a VPN user name was given; else null
 */
public record ProbeReport(Run run, TargetInfo target, ProxyInfo proxy, Diagnosis diagnosis, List<StageResult> stages,
                          Network network, SstpRequest request, TlsInfo tls, SstpResult sstp, List<String> notes,
                          ProbeReport authenticatedRetry, Insights insights, String connectHead,
                          org.sstpdoctor.probe.revocation.RevocationResult revocation, SignInReport signIn) {

    /** Without a CONNECT head, a revocation check and a sign-in test. */
    public ProbeReport(Run run, TargetInfo target, ProxyInfo proxy, Diagnosis diagnosis, List<StageResult> stages,
                       Network network, SstpRequest request, TlsInfo tls, SstpResult sstp, List<String> notes,
                       ProbeReport authenticatedRetry, Insights insights) {
        this(run, target, proxy, diagnosis, stages, network, request, tls, sstp, notes, authenticatedRetry, insights, "",
                null, null);
    }

    /**
     * @param totalMillis the attempt's duration
     * @param credentialsUsed whether this attempt signed in to the proxy
     */
    public record Run(String toolVersion, Instant startedAt, double totalMillis, boolean credentialsUsed) {
        public Run {
            Objects.requireNonNull(startedAt, "startedAt");
            toolVersion = toolVersion == null ? Version.current() : toolVersion;
        }
    }

    /**
     * What the probe concluded.
     *
     * @param outcome the deciding outcome (the first of {@code findings})
     * @param answeredBy who gave the deciding answer
     * @param detail the technical detail of the deciding outcome, one line
     * @param findings every problem found, worst first; for a working server one {@code SSTP_ACK}
     * @param beyondCertificate when the certificate failed: what the SSTP layer did past it (null otherwise)
     */
    public record Diagnosis(Outcome outcome, AnsweredBy answeredBy, String detail, List<Finding> findings,
                            Finding beyondCertificate) {
        public Diagnosis {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(answeredBy, "answeredBy");
            // quotes peer text: the reason phrase, an exception's message
            detail = PeerText.line(detail == null ? "" : detail);
            findings = findings == null ? List.of(new Finding(outcome, detail)) : List.copyOf(findings);
        }

        /** The verdict is the deciding outcome's. */
        public Verdict verdict() {
            return outcome.verdict();
        }
    }

    /**
     * @param resolvedAddresses what the name resolved to (the proxy's name when a proxy is used)
     * @param connectAttempts each TCP connection tried: "127.0.0.1:443 refused"
     * @param proxyReplies every proxy answer, in order
     */
    public record Network(List<String> resolvedAddresses, List<String> connectAttempts, List<ProxyReply> proxyReplies) {
        public static final Network NONE = new Network(List.of(), List.of(), List.of());

        public Network {
            resolvedAddresses = List.copyOf(resolvedAddresses);
            connectAttempts = connectAttempts.stream().map(PeerText::line).toList();
            proxyReplies = List.copyOf(proxyReplies);
        }
    }

    /**
     * @param head the exact SSTP request head sent (no secrets: it never carries any), or empty
     * @param response the server's answer to it, or null when none came
     */
    public record SstpRequest(String head, HttpReply response) {
        public static final SstpRequest NONE = new SstpRequest("", null);

        public SstpRequest {
            head = head == null ? "" : head;
        }
    }

    public ProbeReport {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(diagnosis, "diagnosis");
        stages = List.copyOf(stages);
        network = network == null ? Network.NONE : network;
        request = request == null ? SstpRequest.NONE : request;
        notes = notes.stream().map(PeerText::line).toList();
        connectHead = connectHead == null ? "" : connectHead;
        insights = insights == null ? Insights.NONE : insights;
    }

    public ProbeReport(Run run, TargetInfo target, ProxyInfo proxy, Diagnosis diagnosis, List<StageResult> stages,
                       Network network, SstpRequest request, TlsInfo tls, SstpResult sstp, List<String> notes,
                       ProbeReport authenticatedRetry) {
        this(run, target, proxy, diagnosis, stages, network, request, tls, sstp, notes, authenticatedRetry, Insights.NONE);
    }

    // --- the groups, read flat ------------------------------------------------------------------

    public String toolVersion() { return run.toolVersion(); }
    public Instant startedAt() { return run.startedAt(); }
    public double totalMillis() { return run.totalMillis(); }
    public boolean credentialsUsed() { return run.credentialsUsed(); }
    public Outcome outcome() { return diagnosis.outcome(); }
    public Verdict verdict() { return diagnosis.verdict(); }
    public AnsweredBy answeredBy() { return diagnosis.answeredBy(); }
    public String detail() { return diagnosis.detail(); }
    public List<Finding> findings() { return diagnosis.findings(); }
    /** Null unless the certificate failed. */
    public Finding beyondCertificate() { return diagnosis.beyondCertificate(); }
    public List<String> resolvedAddresses() { return network.resolvedAddresses(); }
    public List<String> connectAttempts() { return network.connectAttempts(); }
    public List<ProxyReply> proxyReplies() { return network.proxyReplies(); }
    public String requestHead() { return request.head(); }
    /** The server's answer to the SSTP request, or null. */
    public HttpReply httpResponse() { return request.response(); }

    public Optional<StageResult> stage(Stage stage) {
        return stages.stream().filter(s -> s.stage() == stage).findFirst();
    }

    /** The report with the second, credentialed attempt attached. */
    public ProbeReport withAuthenticatedRetry(ProbeReport retry) {
        return new ProbeReport(run, target, proxy, diagnosis, stages, network, request, tls, sstp, notes, retry, insights,
                connectHead, revocation, signIn);
    }

    /** The report for input that could not be used (a bad line in a list of servers). */
    public static ProbeReport badInput(String typed, String message, Instant at) {
        return builder().startedAt(at).target(new TargetInfo(typed, "", "", 0, ""))
                .outcome(Outcome.BAD_INPUT, AnsweredBy.THIS_COMPUTER, message).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a report piece by piece; what is not set is empty: no proxy, every stage not reached,
     * no answer. For the probe's own assembly and for tests that need a report without a socket.
     */
    public static final class Builder {
        private String toolVersion = Version.current();
        private Instant startedAt = Instant.EPOCH;
        private double totalMillis;
        private boolean credentialsUsed;
        private TargetInfo target = new TargetInfo("vpn.example.com", "vpn.example.com", "vpn.example.com", 443,
                "https://vpn.example.com/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/");
        private ProxyInfo proxy = new ProxyInfo(ProxyMode.NONE, "", "none", null, false);
        private Outcome outcome = Outcome.INTERNAL_ERROR;
        private AnsweredBy answeredBy = AnsweredBy.THIS_COMPUTER;
        private String detail = "";
        private List<Finding> findings;
        private Finding beyondCertificate;
        private final List<StageResult> stages = new ArrayList<>();
        private List<String> resolvedAddresses = List.of();
        private List<String> connectAttempts = List.of();
        private List<ProxyReply> proxyReplies = List.of();
        private String requestHead = "";
        private HttpReply httpResponse;
        private TlsInfo tls;
        private SstpResult sstp;
        private List<String> notes = List.of();
        private ProbeReport authenticatedRetry;
        private String connectHead = "";
        private org.sstpdoctor.probe.revocation.RevocationResult revocation;
        private SignInReport signIn;
        private Insights insights = Insights.NONE;

        private Builder() {
        }

        public Builder toolVersion(String v) { toolVersion = v; return this; }
        public Builder startedAt(Instant at) { startedAt = at; return this; }
        public Builder totalMillis(double ms) { totalMillis = ms; return this; }
        public Builder credentialsUsed(boolean used) { credentialsUsed = used; return this; }
        public Builder target(TargetInfo t) { target = t; return this; }
        public Builder proxy(ProxyInfo p) { proxy = p; return this; }

        /** The deciding outcome; findings default to that one outcome. */
        public Builder outcome(Outcome o, AnsweredBy by, String why) {
            outcome = o;
            answeredBy = by;
            detail = why;
            return this;
        }

        public Builder findings(List<Finding> all) { findings = all; return this; }
        public Builder beyondCertificate(Finding f) { beyondCertificate = f; return this; }

        /** Sets one stage; the others stay as set, or not reached. */
        public Builder stage(StageResult result) {
            stages.removeIf(s -> s.stage() == result.stage());
            stages.add(result);
            return this;
        }

        public Builder stages(List<StageResult> all) {
            all.forEach(this::stage);
            return this;
        }

        public Builder resolvedAddresses(List<String> a) { resolvedAddresses = a; return this; }
        public Builder connectAttempts(List<String> a) { connectAttempts = a; return this; }
        public Builder proxyReplies(List<ProxyReply> r) { proxyReplies = r; return this; }
        public Builder requestHead(String head) { requestHead = head; return this; }
        public Builder httpResponse(HttpReply r) { httpResponse = r; return this; }
        public Builder tls(TlsInfo t) { tls = t; return this; }
        public Builder sstp(SstpResult s) { sstp = s; return this; }
        public Builder notes(List<String> n) { notes = n; return this; }
        public Builder authenticatedRetry(ProbeReport r) { authenticatedRetry = r; return this; }
        public Builder connectHead(String head) { connectHead = head; return this; }
        public Builder revocation(org.sstpdoctor.probe.revocation.RevocationResult r) { revocation = r; return this; }
        public Builder signIn(SignInReport s) { signIn = s; return this; }
        public Builder insights(Insights i) { insights = i; return this; }

        public ProbeReport build() {
            List<StageResult> ordered = new ArrayList<>();
            for (Stage s : Stage.values()) {
                ordered.add(stages.stream().filter(r -> r.stage() == s).findFirst().orElse(StageResult.notReached(s)));
            }
            return new ProbeReport(new Run(toolVersion, startedAt, totalMillis, credentialsUsed), target, proxy,
                    new Diagnosis(outcome, answeredBy, detail, findings, beyondCertificate), ordered,
                    new Network(resolvedAddresses, connectAttempts, proxyReplies),
                    new SstpRequest(requestHead, httpResponse), tls, sstp, notes, authenticatedRetry, insights,
                    connectHead, revocation, signIn);
        }
    }
}
