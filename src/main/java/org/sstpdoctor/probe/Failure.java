package org.sstpdoctor.probe;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.sstpdoctor.sstp.SstpFormatException;

/**
 * What kind of failure an exception is, decided once where it is caught, so classification works
 * on a {@link Kind} rather than on message text.
 *
 * <p>This is the one place that reads JDK exception messages: the JDK has no exception types for
 * a reset, a fatal TLS alert or a non-TLS reply, nor for a name service that did not answer.
 */
public record Failure(Kind kind, String message) {
    public enum Kind {
        TIMEOUT, REFUSED, UNREACHABLE, RESET, CLOSED, NOT_TLS, TLS_ALERT,
        /** A reply that breaks HTTP's syntax (java.net.ProtocolException, OkHttp's status line check). */
        PROTOCOL,
        /** Bytes that are not a well-formed SSTP packet. */
        SSTP_FORMAT,
        /** The transport failed in a way no peer can cause: a bug, or a library's unchecked exception. */
        INTERNAL,
        OTHER,
        /** More came than any answer head needs before the head ended ({@link HeadTooLongException}). */
        HEAD_TOO_LONG
    }

    public Failure {
        message = message == null ? "" : message;
    }

    public static Failure of(Throwable e) {
        return new Failure(kindOf(e), message(e));
    }

    /** An unchecked exception from the transport's libraries (OkHttp rejects some broken replies so). */
    public static Failure internal(RuntimeException e) {
        return new Failure(Kind.INTERNAL, message(e));
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** A few words for a connect attempt list: "refused", "timed out". */
    public String shortReason() {
        return switch (kind) {
            case REFUSED -> "refused";
            case TIMEOUT -> "timed out";
            case UNREACHABLE -> "unreachable";
            case RESET -> "reset";
            default -> "failed: " + message;
        };
    }

    private static Kind kindOf(Throwable e) {
        if (HeadTooLongException.isCause(e)) {
            return Kind.HEAD_TOO_LONG; // before PROTOCOL and CLOSED, which it also looks like
        }
        // Types first, over the whole cause chain; then the messages the JDK gives no type for.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return Kind.TIMEOUT;
            }
            if (t instanceof InterruptedIOException && "timeout".equalsIgnoreCase(t.getMessage())) {
                return Kind.TIMEOUT; // okio's deadline
            }
            if (t instanceof NoRouteToHostException || t instanceof PortUnreachableException) {
                return Kind.UNREACHABLE;
            }
            if (t instanceof SstpFormatException) {
                return Kind.SSTP_FORMAT;
            }
            if (t instanceof ProtocolException) {
                return Kind.PROTOCOL;
            }
            if (t instanceof EOFException) {
                return Kind.CLOSED;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = lower(t);
            if (t instanceof ConnectException && m.contains("refused")) {
                return Kind.REFUSED;
            }
            if (m.contains("connection reset") || t instanceof SocketException && m.contains("broken pipe")) {
                return Kind.RESET;
            }
            if (m.contains("unreachable") || m.contains("no route")) {
                return Kind.UNREACHABLE;
            }
            if (t instanceof SSLException && (m.contains("unrecognized ssl message") || m.contains("plaintext connection")
                    || m.contains("unsupported or unrecognized"))) {
                return Kind.NOT_TLS;
            }
            if (t instanceof SSLException && m.contains("fatal alert")) {
                return Kind.TLS_ALERT;
            }
            if (m.contains("unexpected status line")) {
                return Kind.PROTOCOL;
            }
            if (m.contains("end of stream") || m.contains("terminated the handshake") || m.contains("closed")
                    || m.contains("eof")) {
                return Kind.CLOSED;
            }
        }
        return Kind.OTHER;
    }

    private static final java.util.regex.Pattern RECEIVED_ALERT =
            java.util.regex.Pattern.compile("(?i)received fatal alert: ([a-z_]{1,40})");

    /**
     * The name of the fatal TLS alert the peer sent ("certificate_required"), from a failure's
     * message as the JDK words it ("Received fatal alert: certificate_required"); an alert this
     * side raised itself is not "received", so it is not named here.
     */
    public static Optional<String> receivedTlsAlert(String message) {
        java.util.regex.Matcher m = RECEIVED_ALERT.matcher(message == null ? "" : message);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * Java reports every failed lookup as UnknownHostException; only its message (the resolver's
     * own words, e.g. glibc's "Temporary failure in name resolution") tells a missing name from a
     * name service that did not answer.
     */
    public static boolean isNameServiceTrouble(UnknownHostException e) {
        String m = lower(e);
        return m.contains("temporary failure") || m.contains("try again") || m.contains("timed out")
                || m.contains("server failure") || m.contains("servfail");
    }

    /** The most informative message of the cause chain, one line, bounded, never null. */
    public static String message(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
        }
        String line = best == null ? e.getClass().getSimpleName() : best.lines().findFirst().orElse(best);
        // A peer's bytes can end up in a message (a 1 MB "status line"): keep enough to recognise it.
        return org.sstpdoctor.text.PeerText.line(line.length() > 300 ? line.substring(0, 300) + "..." : line);
    }

    private static String lower(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    }
}
