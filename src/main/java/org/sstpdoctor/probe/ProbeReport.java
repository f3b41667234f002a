package org.sstpdoctor.probe;

import org.sstpdoctor.text.PeerText;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one probe found, immutable. The first attempt is always made as Windows would make it
 * (no proxy credentials); when credentials were given and the proxy asked for them, the second
 * attempt is in {@link #authenticatedRetry()}.
 *
 * @param outcome the deciding outcome (the first of {@link #findings()})
 * @param answeredBy who gave the deciding answer
 * @param detail the technical detail of the deciding outcome, one line
 * @param findings every problem found, worst first; for a working server one {@code SSTP_ACK}
 * @param beyondCertificate when the certificate failed: what the SSTP layer did past it (null otherwise)
 * @param resolvedAddresses what the name resolved to (the proxy's name when a proxy is used)
 * @param connectAttempts each TCP connection tried: "127.0.0.1:443 refused"
 * @param httpResponse the server's answer to the SSTP request, when one came
 * @param proxyReplies every proxy answer, in order
 * @param tls the secure connection and certificate chain, when TLS started
 * @param sstp the control exchange, when it started
 * @param requestHead the exact SSTP request head sent (no secrets: it never carries any)
 * @param notes remarks for the person, e.g. about proxy credentials
 * @param signIn the sign-in test, when a VPN user name was given (null otherwise)
 */
public record ProbeReport(
        String toolVersion,
        Instant startedAt,
        TargetInfo target,
        ProxyInfo proxy,
        Outcome outcome,
        Verdict verdict,
        AnsweredBy answeredBy,
        String detail,
        List<Finding> findings,
        Finding beyondCertificate,
        List<StageResult> stages,
        List<String> resolvedAddresses,
        List<String> connectAttempts,
        HttpReply httpResponse,
        List<ProxyReply> proxyReplies,
        TlsInfo tls,
        SstpResult sstp,
        String requestHead,
        List<String> notes,
        double totalMillis,
        boolean credentialsUsed,
        ProbeReport authenticatedRetry,
        SignInReport signIn) {

    public ProbeReport {
        findings = List.copyOf(findings);
        stages = List.copyOf(stages);
        resolvedAddresses = List.copyOf(resolvedAddresses);
        proxyReplies = List.copyOf(proxyReplies);
        notes = notes.stream().map(PeerText::line).toList();
        connectAttempts = connectAttempts.stream().map(PeerText::line).toList();
        detail = PeerText.line(detail); // quotes peer text: the reason phrase, an exception's message
        requestHead = requestHead == null ? "" : requestHead;
    }

    /** The report for input that could not be used (a bad line in a list of servers). */
    public static ProbeReport badInput(String typed, String message, Instant at) {
        List<StageResult> stages = java.util.Arrays.stream(Stage.values()).map(StageResult::notReached).toList();
        return new ProbeReport(Version.current(), at, new TargetInfo(typed, "", "", 0, ""),
                new ProxyInfo(ProxyMode.NONE, "", "", null, false), Outcome.BAD_INPUT, Verdict.FAIL,
                AnsweredBy.THIS_COMPUTER, message, List.of(new Finding(Outcome.BAD_INPUT, message)), null, stages,
                List.of(), List.of(), null, List.of(), null, null, "", List.of(), 0, false, null, null);
    }

    public Optional<StageResult> stage(Stage stage) {
        return stages.stream().filter(s -> s.stage() == stage).findFirst();
    }

    public Optional<HttpReply> http() {
        return Optional.ofNullable(httpResponse);
    }

    public Optional<TlsInfo> tlsInfo() {
        return Optional.ofNullable(tls);
    }

    public Optional<SstpResult> sstpResult() {
        return Optional.ofNullable(sstp);
    }

    public Optional<SignInReport> signInReport() {
        return Optional.ofNullable(signIn);
    }

    public Optional<ProbeReport> retry() {
        return Optional.ofNullable(authenticatedRetry);
    }

    /** The report with the second, credentialed attempt attached. */
    public ProbeReport withAuthenticatedRetry(ProbeReport retry) {
        return new ProbeReport(toolVersion, startedAt, target, proxy, outcome, verdict, answeredBy, detail,
                findings, beyondCertificate, stages, resolvedAddresses, connectAttempts, httpResponse, proxyReplies,
                tls, sstp, requestHead, notes, totalMillis, credentialsUsed, retry, signIn);
    }
}
