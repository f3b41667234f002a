package org.sstpdoctor.probe;

/**
 * What one layer of the connection came to, before certificate and other stage findings are
 * weighed in by {@link VerdictRule}.
 *
 * @param stage where it happened; null for a cancelled probe (the stage in progress is used)
 */
public record Classified(Outcome outcome, AnsweredBy answeredBy, String detail, Stage stage) {
    public Classified {
        detail = detail == null ? "" : detail;
    }

    public static Classified cancelled() {
        return new Classified(Outcome.CANCELLED, AnsweredBy.THIS_COMPUTER, "cancelled", null);
    }
}
