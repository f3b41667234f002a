package org.sstpdoctor.probe;

import org.sstpdoctor.text.PeerText;

/** One HTTP header line as received (name case kept). */
public record Header(String name, String value) {
    /** Peer text: control, format and bidi characters are made visible here, where it is captured. */
    public Header {
        name = PeerText.line(name);
        value = PeerText.line(value);
    }
}
