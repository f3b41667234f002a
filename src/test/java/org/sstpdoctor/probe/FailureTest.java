package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.sstp.SstpFormatException;

/** What kind of failure an exception is: by type first, JDK message text only where the JDK has no type. */
class FailureTest {
    static Failure.Kind kind(Throwable t) {
        return Failure.of(t).kind();
    }

    @Test
    void byType() {
        assertEquals(Failure.Kind.TIMEOUT, kind(new SocketTimeoutException("Read timed out")));
        assertEquals(Failure.Kind.TIMEOUT, kind(new InterruptedIOException("timeout")));
        assertEquals(Failure.Kind.UNREACHABLE, kind(new NoRouteToHostException("No route to host")));
        assertEquals(Failure.Kind.PROTOCOL, kind(new ProtocolException("Unexpected status line: SSH-2.0")));
        assertEquals(Failure.Kind.CLOSED, kind(new EOFException()));
        assertEquals(Failure.Kind.SSTP_FORMAT, kind(new SstpFormatException(SstpFormatException.Problem.BAD_LENGTH, "x")));
        assertEquals(Failure.Kind.TIMEOUT, kind(new IOException("wrapped", new SocketTimeoutException())), "causes are read");
    }

    @Test
    void byTheJdksWordsWhereItHasNoType() {
        assertEquals(Failure.Kind.REFUSED, kind(new ConnectException("Connection refused")));
        assertEquals(Failure.Kind.RESET, kind(new SocketException("Connection reset")));
        assertEquals(Failure.Kind.RESET, kind(new SocketException("Connection reset by peer")));
        assertEquals(Failure.Kind.RESET, kind(new SocketException("Broken pipe")));
        assertEquals(Failure.Kind.UNREACHABLE, kind(new ConnectException("Network is unreachable")));
        assertEquals(Failure.Kind.NOT_TLS, kind(new SSLException("Unsupported or unrecognized SSL message")));
        assertEquals(Failure.Kind.TLS_ALERT, kind(new SSLHandshakeException("Received fatal alert: handshake_failure")));
        assertEquals(Failure.Kind.CLOSED, kind(new SSLHandshakeException("Remote host terminated the handshake")));
        assertEquals(Failure.Kind.OTHER, kind(new IOException("something else")));
    }

    @Test
    void aMessageIsOneBoundedVisibleLine() {
        String message = Failure.of(new IOException("first\u0007line\nsecond" + "x".repeat(1000))).message();
        assertEquals(org.sstpdoctor.text.PeerText.line("first\u0007line"), message);
        assertFalse(message.contains("\u0007"));
        assertTrue(Failure.of(new IOException("y".repeat(1000))).message().length() < 310);
    }

    @Test
    void nameServiceTroubleIsToldFromAMissingName() {
        assertTrue(Failure.isNameServiceTrouble(new UnknownHostException("vpn.test: Temporary failure in name resolution")));
        assertFalse(Failure.isNameServiceTrouble(new UnknownHostException("vpn.test: Name or service not known")));
    }
}
