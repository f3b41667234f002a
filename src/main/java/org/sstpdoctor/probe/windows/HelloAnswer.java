package org.sstpdoctor.probe.windows;

/**
 * What a server answered to one Windows family's ClientHello.
 *
 * @param kind what came back
 * @param version the protocol version the server chose (supported_versions for TLS 1.3), or -1
 * @param suite the cipher suite the server chose, or -1
 * @param group for a HelloRetryRequest or a TLS 1.3 ServerHello: the key-exchange group chosen, or -1
 * @param alert the alert description when the server refused, or -1
 * @param detail one line, for the report (peer text already made visible)
 * @param plainText for {@link Kind#NOT_TLS}: the start of what came instead, as text (at most 4 KB,
 *                  raw: sanitise before showing); a captive portal's page shows here
 */
public record HelloAnswer(Kind kind, int version, int suite, int group, int alert, String detail, String plainText) {
    public enum Kind {
        /** A ServerHello: the server would go on with this version and suite. */
        SERVER_HELLO,
        /** A TLS 1.3 HelloRetryRequest: it would go on once the client sends a share for another group. */
        HELLO_RETRY,
        /** A TLS alert instead of a ServerHello. */
        ALERT,
        /** The server closed or reset the connection without answering. */
        CLOSED,
        /** The answer is not TLS (an HTTP page, for example). */
        NOT_TLS,
        /** No answer before the time ran out. */
        TIMEOUT,
        /** The connection or the proxy tunnel could not be made; nothing was learnt about the server. */
        NOT_REACHED
    }

    public HelloAnswer {
        detail = detail == null ? "" : detail;
        plainText = plainText == null ? "" : plainText;
    }

    public HelloAnswer(Kind kind, int version, int suite, int group, int alert, String detail) {
        this(kind, version, suite, group, alert, detail, "");
    }

    public static HelloAnswer of(Kind kind, String detail) {
        return new HelloAnswer(kind, -1, -1, -1, -1, detail, "");
    }

    /** The server would negotiate with this client (possibly after a HelloRetryRequest). */
    public boolean negotiates() {
        return kind == Kind.SERVER_HELLO || kind == Kind.HELLO_RETRY;
    }

    /** Whether the answer says anything about the server (NOT_REACHED and TIMEOUT do not). */
    public boolean conclusive() {
        return kind != Kind.NOT_REACHED && kind != Kind.TIMEOUT;
    }
}
