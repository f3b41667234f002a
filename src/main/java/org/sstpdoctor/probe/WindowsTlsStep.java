package org.sstpdoctor.probe;

import java.util.Set;
import org.sstpdoctor.probe.evidence.WindowsView;
import org.sstpdoctor.probe.windows.WindowsCompatibility;
import org.sstpdoctor.target.HostKind;

/**
 * What Windows will do: each Windows family's own ClientHello along the same route, and the
 * evidence Java's attempt gathered (crypto-binding hashes, interception, a login page, clocks,
 * what the server looks like). A finishing step: it runs after the others whatever they found,
 * because a failed handshake or a login page is exactly when it matters; it only reports, and
 * {@link WindowsView#decide} weighs what it found into the verdict.
 */
final class WindowsTlsStep implements ActiveStep {
    @Override
    public Stage stage() {
        return Stage.WINDOWS_TLS;
    }

    @Override
    public Set<Outcome> outcomes() {
        return Set.of(Outcome.CAPTIVE_PORTAL, Outcome.TLS_INTERCEPTED, Outcome.UNEXPECTED_CERTIFICATE,
                Outcome.WINDOWS_CANNOT_CONNECT, Outcome.SOME_WINDOWS_CANNOT_CONNECT, Outcome.CLOCK_SKEW);
    }

    @Override
    public boolean applies(AttemptContext context) {
        // The signed-in retry shows what lies past the proxy; what Windows does is the first attempt's.
        return !context.withCredentials();
    }

    @Override
    public String skipReason() {
        return "the attempt without proxy credentials shows what Windows does";
    }

    @Override
    public boolean finishing() {
        return true;
    }

    /** No ClientHello goes out (the server was not reached, or the check is off): no progress events. */
    @Override
    public boolean quiet(AttemptContext context) {
        Observation o = context.observation();
        return !context.request().checkWindows() || o == null || o.tls() == null || noTimeLeft(context);
    }

    private static boolean noTimeLeft(AttemptContext context) {
        return context.deadlineNanos() - System.nanoTime() < java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50);
    }

    @Override
    public StepEnd run(AttemptContext context) {
        Observation o = context.observation();
        Classified layer = context.layer();
        org.sstpdoctor.target.Target t = context.target();
        WindowsView.Inputs inputs = new WindowsView.Inputs(t.asciiHost(), t.port(), t.kind() == HostKind.DNS_NAME,
                context.addresses(), context.viaProxy() ? context.proxy().port() : t.port(),
                context.viaProxy() ? context.proxy().asciiHost() : null,
                o == null || o.tls() == null ? java.util.List.of() : o.tls().chain(), context.tls(),
                context.httpResponse(), o == null ? java.util.List.of() : o.proxyReplies(), context.sstp(),
                layer == null ? Outcome.INTERNAL_ERROR : layer.outcome(),
                layer == null ? AnsweredBy.THIS_COMPUTER : layer.answeredBy(), layer == null ? "" : layer.detail(),
                java.util.List.of(), o != null && o.tls() != null, context.request().expectedCertificate(),
                context.request().checkWindows(), context.clock().instant(), context.deadlineNanos());
        Insights insights = WindowsView.observe(inputs, null, context.cancellation());
        context.insights(insights);
        if (quiet(context)) {
            if (!context.request().checkWindows()) {
                return new StepEnd(StageStatus.SKIPPED, "turned off (--no-windows-check)", null);
            }
            if (insights.captivePortal() != null) {
                return new StepEnd(StageStatus.SKIPPED, "a login page answered instead of the server", null);
            }
            Observation seen = context.observation();
            return seen != null && seen.tls() != null
                    ? new StepEnd(StageStatus.SKIPPED, "no time left within the probe's time limit", null)
                    : new StepEnd(StageStatus.NOT_REACHED, "", null);
        }
        StageResult row = WindowsView.stage(insights, true, 0, 0);
        WindowsCompatibility w = insights.windowsCompatibility();
        String detail = row.detail();
        return switch (row.status()) {
            case PASSED -> StepEnd.passed(detail);
            case WARNED -> StepEnd.warned(detail);
            // Reported here; the verdict weighs it in (WindowsView.decide), so the layer outcome stays.
            case FAILED -> new StepEnd(StageStatus.FAILED, detail, new Classified(Outcome.WINDOWS_CANNOT_CONNECT,
                    AnsweredBy.SERVER, w == null ? detail : w.failuresText(), Stage.WINDOWS_TLS));
            // Started, but no answer settled any row (time ran out): a check that could not be made.
            default -> StepEnd.warned(detail);
        };
    }
}
