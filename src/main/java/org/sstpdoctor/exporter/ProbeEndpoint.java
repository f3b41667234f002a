package org.sstpdoctor.exporter;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.ProbeListener;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.probe.SstpProbe;
import org.sstpdoctor.probe.Verdict;
import org.sstpdoctor.signin.Credentials;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.Target;
import org.sstpdoctor.text.TypedAddress;

/**
 * {@code GET /probe?target=HOST[:PORT]&module=NAME}: one probe, answered as Prometheus metrics, in
 * the blackbox exporter's multi-target pattern. Bad requests get a 400 with a one-line reason, a
 * target outside {@code allowed_targets} a 403, and more probes than the limit a 503.
 */
final class ProbeEndpoint {
    /** Prometheus sends its scrape timeout; the probe leaves this much of it for the answer to travel. */
    static final String SCRAPE_TIMEOUT_HEADER = "X-Prometheus-Scrape-Timeout-Seconds";
    static final double TIMEOUT_OFFSET_SECONDS = 0.5;

    private final Supplier<ExporterConfig> config;
    private final ExporterEnvironment environment;
    private final TargetAdmission admission;
    private final Semaphore permits;
    private final ExporterMetrics metrics;
    private final RecentProbes recent;
    private final ScheduledExecutorService deadlines;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    ProbeEndpoint(Supplier<ExporterConfig> config, ExporterEnvironment environment, TargetAdmission admission,
                  Semaphore permits, ExporterMetrics metrics, RecentProbes recent, ScheduledExecutorService deadlines) {
        this.config = config;
        this.environment = environment;
        this.admission = admission;
        this.permits = permits;
        this.metrics = metrics;
        this.recent = recent;
        this.deadlines = deadlines;
    }

    void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = HttpReplies.query(exchange);
        if (query == null) {
            reject(exchange, 400, "bad_request", "the query is too long or not URL-encoded properly");
            return;
        }
        String typed = query.get("target");
        if (typed == null || typed.isBlank()) {
            reject(exchange, 400, "bad_request", "target parameter is missing: /probe?target=vpn.example.com:443&module=default");
            return;
        }
        ExporterConfig current = config.get();
        String moduleName = query.getOrDefault("module", "default");
        ModuleConfig module = current.module(moduleName).orElse(null);
        if (module == null) {
            reject(exchange, 400, "unknown_module", "unknown module '" + ConfigLoader.printable(moduleName) + "'; known: "
                    + String.join(", ", current.modules().keySet()));
            return;
        }
        Target target;
        try {
            target = AddressParser.parse(typed);
        } catch (InputException e) {
            reject(exchange, 400, "bad_request", "target '" + ConfigLoader.printable(TypedAddress.redactUserInfo(typed)) + "': "
                    + e.getMessage());
            return;
        }
        Duration budget = budget(module.timeout(), exchange.getRequestHeaders().getFirst(SCRAPE_TIMEOUT_HEADER));
        TargetAdmission.Decision decision = admission.decide(current.policy(), target,
                Math.max(100, budget.toMillis() / 2));
        if (!decision.allowed()) {
            reject(exchange, 403, "not_allowed", decision.refusal());
            return;
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(Math.min(1000, budget.toMillis() / 4), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            reject(exchange, 503, "busy", "too many probes at once (max_concurrent_probes is "
                    + current.maxConcurrentProbes() + "); scrape less often or raise the limit");
            return;
        }
        ProbeReport report;
        long started = System.nanoTime();
        metrics.probeStarted();
        Secret password = module.signIn() == null ? null : copy(module.signIn().password());
        try {
            Credentials signIn = password == null ? null
                    : new Credentials(module.signIn().user(), password, module.signIn().domain());
            report = run(new ProbeRequest(typed, target, module.proxy(), module.extraTrust(),
                    module.trustCa().isEmpty() ? null : module.trustCa().toString(), budget)
                    .withExpectedCertificate(module.expectedCertificate()).withWindowsCheck(module.windowsCheck())
                    .withRevocationCheck(module.revocationCheck()).withSignIn(signIn), decision, budget);
        } finally {
            metrics.probeEnded(); // before the permit goes back, so the in-flight count never exceeds the limit
            permits.release();
            if (password != null) {
                password.wipe();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        metrics.probeCounted(module.name(), report.verdict() != Verdict.FAIL);
        recent.add(environment.clock().instant(), module.name(), target.toString(), seconds, report);
        ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        writer.write(body, ProbeMetrics.of(report, seconds, module.revocationCheck()));
        HttpReplies.send(exchange, 200, writer.getContentType(), body.toByteArray());
    }

    /** Each probe gets its own copy of the module's password, wiped when the probe is done. */
    private static Secret copy(Secret secret) {
        char[] chars = secret.reveal();
        try {
            return Secret.of(chars);
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    private ProbeReport run(ProbeRequest request, TargetAdmission.Decision decision, Duration budget) {
        Cancellation cancellation = new Cancellation();
        // The probe bounds each attempt by the budget; this bounds the whole of it, so the scrape is always answered in time.
        ScheduledFuture<?> deadline = deadlines.schedule(cancellation::cancel, budget.toMillis() + 250, TimeUnit.MILLISECONDS);
        try {
            SstpProbe probe = org.sstpdoctor.probe.okhttp.OkHttpProbes.with(decision.resolver(), environment.proxyDetector(), environment.clock());
            return probe.run(request, ProbeListener.NONE, cancellation);
        } finally {
            deadline.cancel(false);
        }
    }

    /** The module's timeout, shortened to fit the scrape timeout Prometheus announced. */
    static Duration budget(Duration moduleTimeout, String scrapeTimeoutHeader) {
        if (scrapeTimeoutHeader == null) {
            return moduleTimeout;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(scrapeTimeoutHeader.trim());
        } catch (NumberFormatException e) {
            return moduleTimeout;
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            return moduleTimeout;
        }
        double usable = seconds > 2 * TIMEOUT_OFFSET_SECONDS ? seconds - TIMEOUT_OFFSET_SECONDS : seconds / 2;
        Duration fromScrape = Duration.ofMillis(Math.max(100, (long) (usable * 1000)));
        return fromScrape.compareTo(moduleTimeout) < 0 ? fromScrape : moduleTimeout;
    }

    private void reject(HttpExchange exchange, int status, String reason, String line) throws IOException {
        metrics.rejected(reason);
        HttpReplies.text(exchange, status, line);
    }
}
