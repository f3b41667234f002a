package org.sstpdoctor.probe.evidence;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sstpdoctor.probe.AnsweredBy;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Finding;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.Insights;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProxyReply;
import org.sstpdoctor.probe.SstpResult;
import org.sstpdoctor.probe.TlsInfo;
import org.sstpdoctor.probe.Verdict;
import org.sstpdoctor.probe.windows.ClientHelloProber;
import org.sstpdoctor.probe.windows.CompatibilityCheck;
import org.sstpdoctor.probe.windows.HelloAnswer;
import org.sstpdoctor.probe.windows.WindowsCompatibility;
import org.sstpdoctor.probe.windows.WindowsFamily;

/**
 * Turns what Java's connection attempt saw into what Windows will do: runs the per-family
 * ClientHellos, computes the crypto-binding hashes and compares them with the expected one, spots
 * TLS inspection, a login page and clock skew, and says what the server looks like. It then decides
 * whether one of these replaces the attempt's outcome, by one rule each:
 * <ul>
 *   <li>a login page where a tunnel or TLS should be is decisive (CAPTIVE_PORTAL);</li>
 *   <li>an inspection CA, or the proxy's own marks on the SSTP answer, make the answer the proxy's (TLS_INTERCEPTED);</li>
 *   <li>a certificate other than the expected one is decisive over a working server (UNEXPECTED_CERTIFICATE);</li>
 *   <li>no supported Windows able to negotiate is a failure even when Java connected; only some: a warning;</li>
 *   <li>clock skew is a warning, and is named in an expired / not-yet-valid explanation.</li>
 * </ul>
 */
public final class WindowsView {
    /**
     * What the attempt saw.
     *
     * @param connectAddresses where the attempt connected: the server's addresses, or the proxy's
     * @param proxyHost the proxy's host when there is one, else null
     * @param chain the certificates the server (or whoever answered TLS) sent, leaf first; may be empty
     * @param tlsReached whether a TLS handshake was at least attempted (the port answered, the tunnel opened)
     * @param expectedCertificate the normalised fingerprint the person expects, or empty
     */
    public record Inputs(String host, int port, boolean hostIsName, List<InetAddress> connectAddresses, int connectPort,
                         String proxyHost, List<X509Certificate> chain, TlsInfo tls, HttpReply http,
                         List<ProxyReply> proxyReplies, SstpResult sstp, Outcome outcome, AnsweredBy answeredBy,
                         String detail, List<Finding> findings, boolean tlsReached, String expectedCertificate,
                         boolean checkWindows, Instant now, long deadlineNanos) {
        public Inputs {
            connectAddresses = List.copyOf(connectAddresses);
            chain = chain == null ? List.of() : List.copyOf(chain);
            proxyReplies = proxyReplies == null ? List.of() : List.copyOf(proxyReplies);
            findings = List.copyOf(findings);
            expectedCertificate = expectedCertificate == null ? "" : expectedCertificate;
        }
    }

    /** The attempt's result as Windows will see it. */
    public record Result(Outcome outcome, AnsweredBy answeredBy, String detail, List<Finding> findings, Insights insights) {
    }

    private WindowsView() {
    }

    /** Observes (the per-Windows ClientHellos included) and decides, in one go. */
    public static Result apply(Inputs in, CompatibilityCheck.HelloSender sender, Cancellation cancellation) {
        Insights insights = observe(in, sender, cancellation);
        return decide(insights, in.outcome(), in.answeredBy(), in.detail(), in.findings(), in.proxyHost() != null, in.http());
    }

    /**
     * Works out what Windows will see: sends the per-Windows ClientHellos (unless a login page answered,
     * the server was not reached, or the check is off) and gathers the evidence.
     *
     * @param sender replaces the real ClientHellos (tests); null to send them along the attempt's route
     */
    public static Insights observe(Inputs in, CompatibilityCheck.HelloSender sender, Cancellation cancellation) {
        Outcome outcome = in.outcome();

        // --- a login page -------------------------------------------------------------------------
        CaptivePortal portal = null;
        if (!in.proxyReplies().isEmpty()) {
            ProxyReply last = in.proxyReplies().get(in.proxyReplies().size() - 1);
            portal = CaptivePortal.fromReply(last.reply(), "the proxy").orElse(null);
        }
        boolean certificateFailed = in.tls() != null && in.tls().findings().stream().anyMatch(f -> f.verdict() == Verdict.FAIL);
        if (portal == null && in.http() != null && certificateFailed) {
            // A login page that answers TLS itself, with a certificate for some other name.
            portal = CaptivePortal.fromReply(in.http(), "the network").orElse(null);
        }

        // --- Windows compatibility ----------------------------------------------------------------
        WindowsCompatibility compat;
        if (portal != null) {
            compat = CompatibilityCheck.notTested("a login page answered instead of the server");
        } else if (!in.checkWindows()) {
            compat = CompatibilityCheck.notTested("skipped (the Windows check was turned off)");
        } else if (!in.tlsReached() || outcome == Outcome.CANCELLED) {
            compat = CompatibilityCheck.notTested("the server was not reached");
        } else {
            ClientHelloProber.Route route = new ClientHelloProber.Route(in.host(), in.port(),
                    in.hostIsName() ? in.host() : null, in.connectAddresses(), in.connectPort(), in.proxyHost());
            CompatibilityCheck.HelloSender send = sender != null ? sender : CompatibilityCheck.over(route, cancellation);
            List<HelloAnswer> plain = new ArrayList<>();
            CompatibilityCheck.HelloSender recording = (family, timeout) -> {
                HelloAnswer a = send.send(family, timeout);
                plain.add(a);
                return a;
            };
            compat = CompatibilityCheck.run(recording, new CompatibilityCheck.JavaHandshake(
                    in.tls() == null ? "" : in.tls().protocol(), in.tls() == null ? "" : in.tls().cipherSuite()),
                    in.deadlineNanos(), cancellation);
            if (outcome == Outcome.NOT_TLS || outcome == Outcome.CONNECTION_CLOSED || outcome == Outcome.TLS_HANDSHAKE_FAILED
                    || outcome == Outcome.CONNECTION_RESET) {
                for (HelloAnswer a : plain) {
                    Optional<CaptivePortal> p = CaptivePortal.fromPlainText(a.plainText(), "the network");
                    if (p.isPresent()) {
                        portal = p.get();
                        break;
                    }
                }
            }
        }

        // --- the certificate the crypto binding will see ------------------------------------------
        CryptoBinding binding = in.chain().isEmpty() ? null : CryptoBinding.of(in.chain().get(0), in.expectedCertificate());

        // --- interception -------------------------------------------------------------------------
        List<String> interception = new ArrayList<>();
        List<String> chainNames = new ArrayList<>();
        if (in.tls() != null) {
            for (CertificateInfo c : in.tls().chain()) {
                chainNames.add(c.issuer());
                chainNames.add(c.subject());
            }
        }
        Optional<InspectionProducts.Product> product = InspectionProducts.recognise(chainNames);
        product.ifPresent(p -> interception.add("the certificate chain was issued by " + p.name() + "'s CA ("
                + issuerOfLeaf(in.tls()) + ")"));
        boolean proxyWroteAnswer = in.http() != null && ProxyMarks.writtenByProxy(in.http());
        if (proxyWroteAnswer) {
            interception.add("the answer to the SSTP request carries the proxy's marks ("
                    + ProxyMarks.describe(ProxyMarks.of(in.http())) + ")");
        }

        // --- clocks -------------------------------------------------------------------------------
        List<ClockSkew> skews = new ArrayList<>();
        if (in.http() != null) {
            in.http().header("Date").flatMap(d -> ClockSkew.compare(proxyWroteAnswer ? "the proxy" : "the server", d, in.now()))
                    .ifPresent(skews::add);
        }
        if (!in.proxyReplies().isEmpty()) {
            in.proxyReplies().get(0).reply().header("Date").flatMap(d -> ClockSkew.compare("the proxy", d, in.now()))
                    .ifPresent(skews::add);
        }

        ServerIdentity identity = proxyWroteAnswer || portal != null ? null
                : ServerIdentity.identify(in.http(), in.sstp() == null ? "" : in.sstp().hashProtocols()).orElse(null);
        return new Insights(compat, binding, interception, product.map(InspectionProducts.Product::name).orElse(""),
                identity, skews, portal);
    }

    /**
     * Weighs the insights into the attempt's decision, by the rules in the class comment.
     *
     * @param findings the attempt's findings, worst first (the deciding one first)
     */
    public static Result decide(Insights insights, Outcome outcome, AnsweredBy answeredBy, String detail,
                                List<Finding> findings, boolean viaProxy, HttpReply http) {
        findings = new ArrayList<>(findings);
        boolean cancelled = outcome == Outcome.CANCELLED;
        CaptivePortal portal = insights.captivePortal();
        boolean proxyWroteAnswer = http != null && ProxyMarks.writtenByProxy(http);
        if (!cancelled && portal != null) {
            String d = "a login page answered instead of " + (viaProxy ? "the tunnel" : "the server")
                    + (portal.pageAddress().isEmpty() ? "" : ": " + portal.pageAddress()) + " (" + portal.how() + ")";
            findings.add(0, new Finding(Outcome.CAPTIVE_PORTAL, d));
            outcome = Outcome.CAPTIVE_PORTAL;
            answeredBy = AnsweredBy.NETWORK;
            detail = d;
        } else if (!cancelled && insights.intercepted()) {
            String d = "something between this computer and the VPN server decrypts the connection: "
                    + String.join("; ", insights.interceptionEvidence());
            findings.add(0, new Finding(Outcome.TLS_INTERCEPTED, d));
            outcome = Outcome.TLS_INTERCEPTED;
            answeredBy = viaProxy || proxyWroteAnswer ? AnsweredBy.PROXY : AnsweredBy.NETWORK;
            detail = d;
        }
        CryptoBinding binding = insights.cryptoBinding();
        if (!cancelled && binding != null && binding.matches().isPresent() && !binding.matches().get()) {
            String d = "expected the certificate " + binding.expected() + ", received SHA-256 " + binding.sha256()
                    + " (SHA-1 " + binding.sha1() + ", " + binding.leafSubject() + ")";
            Finding f = new Finding(Outcome.UNEXPECTED_CERTIFICATE, d);
            if (outcome.verdict() != Verdict.FAIL) {
                findings.add(0, f);
                outcome = Outcome.UNEXPECTED_CERTIFICATE;
                // Whatever listens on the server's address presented it (a load balancer offloading TLS,
                // or the server itself after a renewal); only a page the proxy wrote is the proxy's.
                answeredBy = proxyWroteAnswer ? AnsweredBy.PROXY : AnsweredBy.SERVER;
                detail = d;
            } else {
                findings.add(Math.min(1, findings.size()), f);
            }
        }
        WindowsCompatibility compat = insights.windowsCompatibility();
        WindowsCompatibility.Summary summary = compat == null ? WindowsCompatibility.Summary.UNKNOWN : compat.summary();
        if (!cancelled && portal == null && (summary == WindowsCompatibility.Summary.NONE
                || summary == WindowsCompatibility.Summary.SOME)) {
            Outcome o = summary == WindowsCompatibility.Summary.NONE
                    ? Outcome.WINDOWS_CANNOT_CONNECT : Outcome.SOME_WINDOWS_CANNOT_CONNECT;
            String d = compat.failuresText();
            Finding f = new Finding(o, d);
            boolean decisive = outcome.verdict() == Verdict.PASS
                    || (outcome.verdict() == Verdict.WARN && o.verdict() == Verdict.FAIL);
            if (decisive) {
                findings.add(0, f);
                outcome = o;
                answeredBy = AnsweredBy.SERVER;
                detail = d;
            } else {
                findings.add(f);
            }
        }
        Optional<ClockSkew> significant = insights.clockSkews().stream().filter(ClockSkew::significant).findFirst();
        if (significant.isPresent() && !cancelled) {
            ClockSkew skew = significant.get();
            if (outcome == Outcome.CERT_EXPIRED || outcome == Outcome.CERT_NOT_YET_VALID) {
                detail = detail + "; check this computer's clock first: " + skew.describe();
                findings.set(0, new Finding(outcome, detail));
            }
            Finding f = new Finding(Outcome.CLOCK_SKEW, skew.describe());
            if (outcome.verdict() == Verdict.PASS) {
                findings.add(0, f);
                outcome = Outcome.CLOCK_SKEW;
                answeredBy = AnsweredBy.THIS_COMPUTER;
                detail = skew.describe();
            } else {
                findings.add(f);
            }
        }
        return new Result(outcome, answeredBy, detail, findings, insights);
    }

    /** The checklist row for the per-Windows ClientHellos. */
    public static org.sstpdoctor.probe.StageResult stage(Insights insights, boolean ran, double start, double duration) {
        WindowsCompatibility w = insights.windowsCompatibility();
        if (!ran || w == null) {
            String why = w == null || w.rows().isEmpty() ? "" : w.rows().get(0).reason();
            return why.isEmpty() || why.contains("not reached")
                    ? org.sstpdoctor.probe.StageResult.notReached(org.sstpdoctor.probe.Stage.WINDOWS_TLS)
                    : org.sstpdoctor.probe.StageResult.skipped(org.sstpdoctor.probe.Stage.WINDOWS_TLS, why);
        }
        org.sstpdoctor.probe.StageStatus status = switch (w.summary()) {
            case ALL -> org.sstpdoctor.probe.StageStatus.PASSED;
            case SOME -> org.sstpdoctor.probe.StageStatus.WARNED;
            case NONE -> org.sstpdoctor.probe.StageStatus.FAILED;
            case UNKNOWN -> org.sstpdoctor.probe.StageStatus.SKIPPED;
        };
        String detail = String.join("; ", w.rows().stream().map(WindowsCompatibility.Row::line).toList());
        return new org.sstpdoctor.probe.StageResult(org.sstpdoctor.probe.Stage.WINDOWS_TLS, status, start, duration, detail);
    }

    private static String issuerOfLeaf(TlsInfo tls) {
        return tls == null || tls.chain().isEmpty() ? "" : tls.chain().get(0).issuer();
    }

    /** For tests and callers that show every family: the catalogue's families in order. */
    public static List<WindowsFamily> families() {
        return List.of(WindowsFamily.values());
    }
}
