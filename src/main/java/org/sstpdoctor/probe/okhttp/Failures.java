package org.sstpdoctor.probe.okhttp;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** Reads what kind of network failure an exception (or its causes) is. */
final class Failures {
    private Failures() {
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof InterruptedIOException && "timeout".equalsIgnoreCase(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    static boolean isRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException && messageContains(t, "refused")) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoRouteToHostException || t instanceof PortUnreachableException
                    || messageContains(t, "unreachable") || messageContains(t, "no route")) {
                return true;
            }
        }
        return false;
    }

    static boolean isReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException && (messageContains(t, "reset") || messageContains(t, "broken pipe"))) {
                return true;
            }
            if (messageContains(t, "connection reset")) {
                return true;
            }
        }
        return false;
    }

    static boolean isEndOfStream(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || messageContains(t, "end of stream") || messageContains(t, "terminated the handshake")
                    || messageContains(t, "closed") || messageContains(t, "eof")) {
                return true;
            }
        }
        return false;
    }

    static boolean isNotTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (messageContains(t, "unrecognized ssl message") || messageContains(t, "plaintext connection")
                    || messageContains(t, "unsupported or unrecognized")) {
                return true;
            }
        }
        return false;
    }

    static boolean messageContains(Throwable t, String part) {
        String m = t.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains(part);
    }

    /** A few words for a connect attempt list: "refused", "timed out". */
    static String shortReason(Throwable e) {
        if (isRefused(e)) {
            return "refused";
        }
        if (isTimeout(e)) {
            return "timed out";
        }
        if (isUnreachable(e)) {
            return "unreachable";
        }
        return "failed: " + message(e);
    }

    /** The most informative message of the cause chain, never null. */
    static String message(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
        }
        String line = best == null ? e.getClass().getSimpleName() : best.lines().findFirst().orElse(best);
        // A peer's bytes can end up in a message (a 1 MB "status line"): keep enough to recognise it.
        return RawHttp.visible(line.length() > 300 ? line.substring(0, 300) + "..." : line);
    }
}
