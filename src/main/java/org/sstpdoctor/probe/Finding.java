package org.sstpdoctor.probe;

/** One problem (or success) the probe found, with the technical detail behind it. */
public record Finding(Outcome outcome, String detail) {
    public Finding {
        detail = detail == null ? "" : detail;
    }

    public Verdict verdict() {
        return outcome.verdict();
    }
}
