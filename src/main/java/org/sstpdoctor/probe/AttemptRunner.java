package org.sstpdoctor.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one attempt through the {@link Pipeline}: each step in order, the consecutive transport
 * steps in one {@link Transport#open}; then the timeline and the verdict. Keeps the progress
 * contract: every stage gets exactly one end, live.
 */
final class AttemptRunner {
    private static final System.Logger LOG = System.getLogger(AttemptRunner.class.getName());
    /** What one attempt found. */
    record Result(VerdictRule.Decision decision, List<StageResult> stages, Observation observation, TlsInfo tls,
                  HttpReply httpResponse, SstpResult sstp, List<String> notes, SignInReport signIn) {
    }

    private final List<Step> steps;
    private final Transport transport;

    AttemptRunner(List<Step> steps, Transport transport) {
        this.steps = List.copyOf(steps);
        this.transport = transport;
    }

    Result run(AttemptContext context) {
        StageTracker tracker = context.tracker();
        for (Step step : steps) {
            if (!applies(step, context)) {
                tracker.never(step.stage(), StageStatus.SKIPPED, skipReason(step, context));
            }
        }
        Classified layer = null;
        try {
            int i = 0;
            while (i < steps.size()) {
                if (context.cancellation().isCancelled()) {
                    layer = Classified.cancelled();
                    break;
                }
                Step step = steps.get(i);
                if (!applies(step, context)) {
                    // What earlier steps found can take a stage out of the attempt (a certificate that failed
                    // a check takes the sign-in): it is reported skipped now, not at the end.
                    tracker.never(step.stage(), StageStatus.SKIPPED, skipReason(step, context));
                    i++;
                    continue;
                }
                if (step instanceof ActiveStep active && active.finishing()) {
                    if (active.inOrder(context)) {
                        runFinishing(active, context); // a later step needs its verdict (the sign-in, revocation's)
                    }
                    i++; // else run below, after the others
                    continue;
                }
                if (step instanceof ActiveStep active) {
                    tracker.started(step.stage());
                    StepEnd end = active.run(context);
                    if (context.cancellation().isCancelled()) {
                        layer = Classified.cancelled();
                        break;
                    }
                    tracker.ended(step.stage(), end.status(), end.detail(), end.atMillis() >= 0 ? end.atMillis() : tracker.now());
                    if (end.result() != null) {
                        layer = end.result();
                    }
                    if (end.status() == StageStatus.FAILED) {
                        break;
                    }
                    i++;
                } else {
                    int to = i;
                    while (to < steps.size() && steps.get(to) instanceof TransportStep) {
                        to++;
                    }
                    Classified transported = transport(steps.subList(i, to), context);
                    if (transported != null) {
                        layer = transported;
                        break;
                    }
                    i = to;
                }
            }
        } finally {
            leaveUnusedCall(context);
            if (context.exchange() != null) {
                context.exchange().close();
            }
        }
        if (context.cancellation().isCancelled()) {
            layer = Classified.cancelled();
        }
        if (layer == null) {
            layer = new Classified(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER, "no step decided the outcome", null);
        }
        runFinishing(context, layer);
        boolean cancelled = layer.outcome() == Outcome.CANCELLED;
        Stage failing = cancelled || layer.stage() == null ? Timeline.inProgress(steps, tracker)
                : failed(layer) ? layer.stage() : null;
        List<StageResult> stages = Timeline.build(steps, tracker, failing, cancelled ? "cancelled" : layer.detail(),
                tracker.now(), s -> applies(s, context), s -> skipReason(s, context));
        tracker.finish(stages);
        VerdictRule.Decision decision = VerdictRule.decide(layer, context.tls(), context.stageFindings());
        LOG.log(System.Logger.Level.DEBUG, "layer outcome {0} at {1} ({2}); decided {3}, answered by {4}",
                layer.outcome().id(), layer.stage() == null ? "-" : layer.stage().id(), layer.answeredBy().phrase(),
                decision.outcome().id(), decision.answeredBy().phrase());
        List<String> notes = new ArrayList<>(context.notes());
        if (context.observation() != null) {
            notes.addAll(context.observation().notes());
        }
        return new Result(decision, stages, context.observation(), context.tls(), context.httpResponse(),
                context.sstp(), notes, context.signInReport());
    }

    /** The finishing steps, whatever the others found; they report, and do not change the outcome. */
    private void runFinishing(AttemptContext context, Classified layer) {
        if (layer.outcome() == Outcome.CANCELLED || context.cancellation().isCancelled()) {
            return;
        }
        StageTracker tracker = context.tracker();
        context.layer(layer);
        // The connection is over: a stage it left open ended with it, before the finishing steps begin.
        for (Step step : steps) {
            boolean finishing = step instanceof ActiveStep a && a.finishing();
            if (!finishing && tracker.startOf(step.stage()) >= 0 && !tracker.hasEnded(step.stage())) {
                tracker.ended(step.stage(), StageStatus.FAILED, layer.detail());
            }
        }
        for (Step step : steps) {
            if (step instanceof ActiveStep active && active.finishing() && applies(step, context)
                    && !tracker.hasEnded(step.stage())) {
                runFinishing(active, context);
            }
        }
    }

    /** One finishing step: it reports (live) and leaves the outcome as it was. */
    private static void runFinishing(ActiveStep active, AttemptContext context) {
        StageTracker tracker = context.tracker();
        if (active.quiet(context)) {
            StepEnd end = active.run(context);
            tracker.never(active.stage(), end.status() == StageStatus.SKIPPED ? StageStatus.SKIPPED
                    : StageStatus.NOT_REACHED, end.status() == StageStatus.SKIPPED ? end.detail() : "");
            return;
        }
        tracker.started(active.stage());
        StepEnd end = active.run(context);
        // Once started it ran: time that ran out meanwhile leaves a check not made (a warning), not a skip.
        boolean neverRan = end.status() == StageStatus.SKIPPED || end.status() == StageStatus.NOT_REACHED;
        String detail = neverRan && (end.detail() == null || end.detail().isEmpty())
                ? "no time left within the probe's time limit" : end.detail();
        tracker.ended(active.stage(), neverRan ? StageStatus.WARNED : end.status(), detail, tracker.now());
    }

    /**
     * A call kept open after the Ack for a sign-in that then did not run (the revocation check failed
     * meanwhile, or the probe was cut short) is left as any other: CALL_DISCONNECT ([MS-SSTP] 3.1.5.2.1).
     */
    private static void leaveUnusedCall(AttemptContext context) {
        if (context.bindingRequest() == null || context.signInSession() != null || context.signInReport() != null
                || context.exchange() == null || context.exchange().channel() == null
                || context.tracker().hasStarted(Stage.SIGN_IN) || context.cancellation().isCancelled()) {
            return;
        }
        String ending = CallConnectExchange.leave(context.exchange().channel());
        if (context.sstp() != null) {
            context.sstp(context.sstp().withEnding(ending));
        }
    }

    /** Runs a group of transport steps on one connection; returns the failure, or null when all passed. */
    private Classified transport(List<Step> group, AttemptContext context) {
        StageTracker tracker = context.tracker();
        TransportSpec spec = context.transportSpec();
        Transport.Exchange exchange = transport.open(spec, new Transport.TransportEvents() {
            @Override
            public void started(Stage stage) {
                tracker.started(stage);
            }

            @Override
            public void passed(Stage stage, String detail) {
                tracker.ended(stage, StageStatus.PASSED, detail);
            }

            @Override
            public void handshakeCompleted(TlsFacts facts) {
                TlsInfo tls = TlsHandshakeStep.analyze(facts, context);
                context.tls(tls);
                StageResult ending = TlsHandshakeStep.ending(tls, tracker.startOf(Stage.TLS_HANDSHAKE), tracker.now());
                tracker.ended(Stage.TLS_HANDSHAKE, ending.status(), ending.detail());
            }

            @Override
            public double now() {
                return tracker.now();
            }
        }, context.cancellation());
        context.exchange(exchange);
        Observation observed = exchange.observation();
        context.observation(observed);
        if (observed.tls() != null && context.tls() == null) {
            context.tls(TlsHandshakeStep.analyze(observed.tls(), context));
        }
        context.httpResponse(observed.response());
        if (context.cancellation().isCancelled()) {
            return Classified.cancelled();
        }
        if (observed.failure() != null) {
            TransportStep inProgress = firstNotEnded(group, spec, tracker);
            LOG.log(System.Logger.Level.DEBUG, "transport failed ({0}: {1}) while {2} was in progress",
                    observed.failure().kind(), observed.failure().message(),
                    inProgress == null ? "no stage" : inProgress.stage().id());
            Classified c;
            if (inProgress == null || observed.failure().is(Failure.Kind.INTERNAL) && inProgress.stage() != Stage.SSTP_HTTP) {
                c = new Classified(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER, observed.failure().message(),
                        inProgress == null ? null : inProgress.stage());
            } else {
                c = inProgress.classifyFailure(observed, spec);
            }
            endFailed(c, observed, tracker);
            return c;
        }
        for (Step step : group) {
            TransportStep ts = (TransportStep) step;
            if (!ts.applies(spec)) {
                continue;
            }
            Optional<Classified> judged = ts.judge(observed, spec);
            if (judged.isPresent()) {
                Classified c = judged.get();
                if (c.outcome() == Outcome.NOT_SSTP && observed.response() != null) {
                    // A web page where SSTP was expected: keep the start of it, to show who wrote it.
                    context.httpResponse(observed.response().withBodyExcerpt(exchange.bodyExcerpt()));
                }
                endFailed(c, observed, tracker);
                return c;
            }
            if (!tracker.hasEnded(ts.stage())) {
                tracker.started(ts.stage()); // a transport that never reported the start still gets it
                tracker.ended(ts.stage(), StageStatus.PASSED, ts.passedDetail(observed), endTime(ts.stage(), observed, tracker));
            }
        }
        return null;
    }

    private static TransportStep firstNotEnded(List<Step> group, TransportSpec spec, StageTracker tracker) {
        for (Step step : group) {
            TransportStep ts = (TransportStep) step;
            if (ts.applies(spec) && !tracker.hasEnded(ts.stage())) {
                return ts;
            }
        }
        return null;
    }

    private static void endFailed(Classified c, Observation observed, StageTracker tracker) {
        if (c.stage() != null) {
            // The failure met this stage before the transport began it (a reset inside connect()):
            // it still started, and failed.
            tracker.started(c.stage());
            tracker.ended(c.stage(), StageStatus.FAILED, c.detail(), endTime(c.stage(), observed, tracker));
        }
    }

    /** The SSTP answer's stage ends when its head arrived, not when the probe finished judging it. */
    private static double endTime(Stage stage, Observation observed, StageTracker tracker) {
        return stage == Stage.SSTP_HTTP && observed.responseAtMillis() >= 0 ? observed.responseAtMillis() : tracker.now();
    }

    private static boolean failed(Classified layer) {
        return layer != null && layer.outcome().verdict() == Verdict.FAIL;
    }

    private static boolean applies(Step step, AttemptContext context) {
        if (step instanceof TransportStep ts) {
            return ts.applies(context.transportSpec());
        }
        return ((ActiveStep) step).applies(context);
    }

    private static String skipReason(Step step, AttemptContext context) {
        return step instanceof TransportStep ts ? ts.skipReason() : ((ActiveStep) step).skipReason(context);
    }
}
