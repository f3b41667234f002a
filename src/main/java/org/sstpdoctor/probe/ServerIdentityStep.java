package org.sstpdoctor.probe;

import java.util.Set;
import org.sstpdoctor.probe.evidence.SecondLook;
import org.sstpdoctor.probe.evidence.ServerIdentity;
import org.sstpdoctor.target.HostKind;

/**
 * What answered: which SSTP server (or what in front of it) the answers point to, hedged. The answer
 * to the SSTP request and the Ack usually tell (the Windows step worked that out with the rest of
 * its evidence); when they leave it open ({@link ServerIdentity#worthASecondLook}), this step asks
 * one more question, {@code GET /}, along the same route, without credentials, within the probe's
 * deadline ({@link SecondLook}). A finishing step: it only reports, and never changes the verdict.
 */
final class ServerIdentityStep implements ActiveStep {
    /** Less time than this left: the question is not asked. */
    private static final long MIN_MILLIS = 200;

    @Override
    public Stage stage() {
        return Stage.SERVER_IDENTITY;
    }

    /** What it finds is the report's "What answered"; its outcome explains it, and never decides the verdict. */
    @Override
    public Set<Outcome> outcomes() {
        return Set.of(Outcome.SERVER_IDENTIFIED);
    }

    @Override
    public boolean applies(AttemptContext context) {
        // What answered is the first attempt's, the one Windows makes; the signed-in retry asks nothing more.
        return !context.withCredentials();
    }

    @Override
    public String skipReason() {
        return "the attempt without proxy credentials shows what answered";
    }

    @Override
    public boolean finishing() {
        return true;
    }

    /** Nothing to ask: the first look settled it, or there is nobody (or no time) to ask. */
    @Override
    public boolean quiet(AttemptContext context) {
        return whyNot(context) != null;
    }

    @Override
    public StepEnd run(AttemptContext context) {
        String why = whyNot(context);
        if (why != null) {
            return why.isEmpty() ? new StepEnd(StageStatus.NOT_REACHED, "", null) : new StepEnd(StageStatus.SKIPPED, why, null);
        }
        org.sstpdoctor.target.Target t = context.target();
        SecondLook.Route route = new SecondLook.Route(t.asciiHost(), t.port(),
                t.kind() == HostKind.DNS_NAME ? t.asciiHost() : null, context.addresses(),
                context.viaProxy() ? context.proxy().port() : t.port(), context.viaProxy() ? context.proxy().asciiHost() : null);
        SecondLook.Answer answer = SecondLook.ask(route, millisLeft(context), context.cancellation());
        Insights before = context.insights();
        ServerIdentity refined = ServerIdentity.refine(context.httpResponse(), hashes(context), answer)
                .orElse(before.serverIdentity());
        context.insights(new Insights(before.windowsCompatibility(), before.cryptoBinding(), before.interceptionEvidence(),
                before.interceptionProduct(), refined, before.clockSkews(), before.captivePortal()));
        String detail = answer.describe() + (refined == null ? "" : ": " + refined.describe());
        // No answer is not a failure of the server: the question was ours, not Windows'.
        return answer.reply() == null ? StepEnd.warned(detail)
                : StepEnd.passed(new Classified(Outcome.SERVER_IDENTIFIED, AnsweredBy.SERVER, detail, Stage.SERVER_IDENTITY));
    }

    /** Null when the question is worth asking; else why not ("" when nothing was reached). */
    private static String whyNot(AttemptContext context) {
        HttpReply http = context.httpResponse();
        Insights insights = context.insights();
        if (http == null) {
            return "";
        }
        if (!context.request().checkWindows()) {
            return "turned off (--no-windows-check)";
        }
        if (insights.captivePortal() != null || insights.intercepted()) {
            return "not the server's answer: nothing more to ask it";
        }
        if (!ServerIdentity.worthASecondLook(http, hashes(context))) {
            return insights.serverIdentity() == null ? "the answer does not point to a known SSTP server"
                    : "not needed: the SSTP answer tells (" + insights.serverIdentity().describe() + ")";
        }
        if (millisLeft(context) < MIN_MILLIS) {
            return "no time left within the probe's time limit";
        }
        return null;
    }

    private static String hashes(AttemptContext context) {
        return context.sstp() == null ? "" : context.sstp().hashProtocols();
    }

    private static long millisLeft(AttemptContext context) {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(context.deadlineNanos() - System.nanoTime());
    }
}
