package org.sstpdoctor.exporter;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Insights;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.revocation.RevocationResult;
import org.sstpdoctor.probe.evidence.ClockSkew;
import org.sstpdoctor.probe.windows.WindowsCompatibility;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyReply;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.probe.Verdict;

/**
 * One probe's answer as Prometheus metrics. The facts the blackbox exporter also measures carry its
 * names ({@code probe_success}, {@code probe_duration_seconds}, {@code probe_http_status_code},
 * {@code probe_ssl_earliest_cert_expiry}…), so dashboards and alerts written for it apply; what only
 * SSTP has is under {@code sstp_}. Every label value comes from this program's own enums, never
 * from text a peer sent.
 */
public final class ProbeMetrics {
    private static final String REVOCATION_HELP =
            "The revocation check's outcome (revocation_good, revocation_offline, …, or revocation_turned_off)";

    private ProbeMetrics() {
    }

    public static MetricSnapshots of(ProbeReport report, double durationSeconds) {
        return of(report, durationSeconds, true);
    }

    /**
     * @param revocationChecked false when the module turned the revocation check off: the status is then
     *                          {@code revocation_turned_off}, so nothing reads as "good" that was not checked
     */
    public static MetricSnapshots of(ProbeReport report, double durationSeconds, boolean revocationChecked) {
        PrometheusRegistry registry = new PrometheusRegistry();
        gauge(registry, "probe_success", "Whether the probe succeeded: 1 when Windows' SSTP client is expected to get through")
                .set(report.verdict() == Verdict.FAIL ? 0 : 1);
        gauge(registry, "probe_duration_seconds", "How long the probe took, in seconds").set(durationSeconds);
        report.stage(org.sstpdoctor.probe.Stage.RESOLVE).filter(StageResult::started).ifPresent(s ->
                gauge(registry, "probe_dns_lookup_time_seconds", "How long the name lookup took, in seconds")
                        .set(s.durationMillis() / 1000.0));
        firstResolved(report).ifPresent(address ->
                gauge(registry, "probe_ip_protocol", "The IP version of the address connected to (of the proxy, with a proxy)")
                        .set(address.indexOf(':') >= 0 ? 6 : 4));
        gauge(registry, "probe_http_status_code", "The HTTP status the server answered the SSTP request with (0: none)")
                .set(report.httpResponse() == null ? 0 : report.httpResponse().code());
        gauge(registry, "probe_http_ssl", "Whether a TLS connection was set up (1) or not (0)")
                .set(report.tls() == null ? 0 : 1);
        if (report.tls() != null) {
            report.tls().chain().stream().map(CertificateInfo::notAfter).filter(java.util.Objects::nonNull)
                    .min(Instant::compareTo).ifPresent(earliest ->
                            gauge(registry, "probe_ssl_earliest_cert_expiry",
                                    "The earliest expiry of a certificate in the chain the server sent, Unix seconds")
                                    .set(earliest.getEpochSecond()));
            if (report.tls().protocol() != null && !report.tls().protocol().isEmpty()) {
                Info.builder().name("probe_tls_version").help("The TLS version negotiated").labelNames("version")
                        .register(registry).setLabelValues(tlsVersion(report.tls().protocol()));
            }
        }
        sstp(registry, report);
        windows(registry, report);
        if (revocationChecked) {
            revocation(registry, report.revocation());
        } else {
            Info.builder().name("sstp_revocation").help(REVOCATION_HELP).labelNames("status").register(registry)
                    .setLabelValues("revocation_turned_off");
        }
        signIn(registry, report.signIn());
        return registry.scrape();
    }

    private static void sstp(PrometheusRegistry registry, ProbeReport report) {
        Info.builder().name("sstp_outcome").help("The deciding outcome (see the knowledge base) and its verdict")
                .labelNames("outcome", "verdict").register(registry)
                .setLabelValues(report.outcome().id(), report.verdict().name().toLowerCase(Locale.ROOT));
        Info.builder().name("sstp_answered_by").help("Who gave the deciding answer: server, proxy, network, nobody, this_computer")
                .labelNames("answered_by").register(registry).setLabelValues(report.answeredBy().name().toLowerCase(Locale.ROOT));
        gauge(registry, "sstp_warning", "1 when the server is reachable but something needs attention").set(
                report.verdict() == Verdict.WARN ? 1 : 0);
        gauge(registry, "sstp_findings", "How many problems the probe found").set(
                report.verdict() == Verdict.PASS ? 0 : report.findings().size());
        Gauge stageSeconds = Gauge.builder().name("sstp_stage_duration_seconds")
                .help("How long each stage took, in seconds (stages that ran)").labelNames("stage").register(registry);
        Info stageStatus = Info.builder().name("sstp_stage").help("Each stage's status: passed, warned, failed, skipped, not_reached")
                .labelNames("stage", "status").register(registry);
        for (StageResult stage : report.stages()) {
            stageStatus.addLabelValues(stage.stage().id(), stage.status().id());
            if (stage.started()) {
                stageSeconds.labelValues(stage.stage().id()).set(stage.durationMillis() / 1000.0);
            }
        }
        if (report.sstp() != null && report.sstp().answer() != null && !report.sstp().answer().isEmpty()) {
            Info.builder().name("sstp_answer").help("The SSTP control message the server answered the Call Connect Request with")
                    .labelNames("message", "status").register(registry)
                    .setLabelValues(report.sstp().answer(), report.sstp().statusName() == null ? "" : report.sstp().statusName());
        }
        gauge(registry, "sstp_proxy_used", "Whether the probe went through a web proxy").set(report.proxy().used() ? 1 : 0);
        if (!report.proxyReplies().isEmpty()) {
            ProxyReply first = report.proxyReplies().get(0);
            gauge(registry, "sstp_proxy_status_code",
                    "The status the web proxy answered CONNECT with, on the attempt made as Windows makes it (407: it wants a sign-in)")
                    .set(first.reply() == null ? 0 : first.reply().code());
        }
    }

    /** What Windows will do: each client family's handshake, interception, a login page, the clocks. */
    private static void windows(PrometheusRegistry registry, ProbeReport report) {
        Insights insights = report.insights();
        WindowsCompatibility table = insights.windowsCompatibility();
        if (table != null) {
            Gauge compatible = Gauge.builder().name("sstp_windows_compatible")
                    .help("1 when this Windows family's SSTP client can negotiate TLS with the gateway, 0 when not (families not tested are absent)")
                    .labelNames("client").register(registry);
            Info status = Info.builder().name("sstp_windows").help("Each Windows family's result: yes, no or not_tested")
                    .labelNames("client", "status").register(registry);
            for (WindowsCompatibility.Row row : table.rows()) {
                status.addLabelValues(row.family().id(), row.status().id());
                if (row.status() != WindowsCompatibility.Status.NOT_TESTED) {
                    compatible.labelValues(row.family().id()).set(row.status() == WindowsCompatibility.Status.YES ? 1 : 0);
                }
            }
        }
        if (report.tls() != null) {
            gauge(registry, "sstp_tls_intercepted", "1 when something between this computer and the gateway decrypts TLS"
                    + " (inspection, SSL offload): the crypto binding will fail after sign-in").set(insights.intercepted() ? 1 : 0);
        }
        gauge(registry, "sstp_captive_portal", "1 when a network login page answered where the gateway should be")
                .set(insights.captivePortal() == null ? 0 : 1);
        if (!insights.clockSkews().isEmpty()) {
            Gauge skew = Gauge.builder().name("sstp_clock_skew_seconds")
                    .help("The peer's Date header minus this computer's clock, in seconds").labelNames("peer").register(registry);
            for (ClockSkew each : insights.clockSkews()) {
                skew.labelValues(each.who().replace("the ", "")).set(each.skew().toMillis() / 1000.0);
            }
        }
    }

    /** The chain's revocation check, as Windows makes it: offline and revoked both stop Windows' client. */
    private static void revocation(PrometheusRegistry registry, RevocationResult result) {
        if (result == null) {
            return;
        }
        Info.builder().name("sstp_revocation").help(REVOCATION_HELP)
                .labelNames("status").register(registry).setLabelValues(result.outcome().id());
        gauge(registry, "sstp_revocation_offline", "1 when no CRL or OCSP answer could be used: Windows refuses (0x80092013)")
                .set(result.outcome() == Outcome.REVOCATION_OFFLINE || result.outcome() == Outcome.REVOCATION_LDAP_ONLY ? 1 : 0);
        gauge(registry, "sstp_revocation_revoked", "1 when a certificate of the chain is revoked: Windows refuses (0x80092010)")
                .set(result.outcome() == Outcome.REVOCATION_REVOKED ? 1 : 0);
        gauge(registry, "sstp_revocation_duration_seconds", "How long the revocation check took, in seconds")
                .set(result.durationMillis() / 1000.0);
    }

    /** The sign-in test, for modules with a {@code sign_in} account: absent otherwise. */
    private static void signIn(PrometheusRegistry registry, org.sstpdoctor.probe.SignInReport signIn) {
        if (signIn == null) {
            return;
        }
        gauge(registry, "sstp_signin_attempted", "1 when the password was sent; 0 when the sign-in was kept back"
                + " (a certificate or revocation problem, or the call ended before)").set(signIn.attempted() ? 1 : 0);
        gauge(registry, "sstp_signin_success", "1 when the account signed in and the server offered an address")
                .set(signIn.signedIn() ? 1 : 0);
        Info.builder().name("sstp_signin").help("The sign-in's outcome id (signed_in, signin_*), or skipped")
                .labelNames("outcome").register(registry)
                .setLabelValues(signIn.outcome() == null ? "skipped" : signIn.outcome().id());
        if (!signIn.steps().isEmpty()) {
            Gauge steps = Gauge.builder().name("sstp_signin_step_duration_seconds")
                    .help("How long each sign-in step took (lcp, authentication, crypto binding, ipcp…), in seconds")
                    .labelNames("step").register(registry);
            for (org.sstpdoctor.probe.SignInReport.Step step : signIn.steps()) {
                steps.labelValues(step.id()).set(step.durationMs() / 1000.0);
            }
        }
    }

    private static Gauge gauge(PrometheusRegistry registry, String name, String help) {
        return Gauge.builder().name(name).help(help).register(registry);
    }

    private static Optional<String> firstResolved(ProbeReport report) {
        return report.resolvedAddresses().stream().findFirst();
    }

    /** "TLSv1.3" as the blackbox exporter labels it: "TLS 1.3". */
    static String tlsVersion(String javaName) {
        return javaName.startsWith("TLSv") ? "TLS " + javaName.substring(4) : javaName;
    }
}
