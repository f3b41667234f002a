package org.sstpdoctor.probe;

import org.sstpdoctor.text.PeerText;

/** One problem (or success) the probe found, with the technical detail behind it. */
public record Finding(Outcome outcome, String detail) {
    public Finding {
        detail = PeerText.line(detail); // details quote peer text and exception messages
    }

    public Verdict verdict() {
        return outcome.verdict();
    }
}
