package org.sstpdoctor.probe.revocation;

/**
 * Text from certificates and revocation servers is written by strangers: made visible with the
 * shared sanitiser ({@link org.sstpdoctor.text.PeerText}) and bounded in length.
 */
final class PeerText {
    static final int MAX = 300;

    private PeerText() {
    }

    static String clean(String s) {
        String line = org.sstpdoctor.text.PeerText.line(s);
        return line.length() > MAX ? line.substring(0, MAX) + "…" : line;
    }
}
