package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.sstp.AttributeId;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.sstp.DataPacket;
import org.sstpdoctor.sstp.StatusCode;
import org.sstpdoctor.sstp.StatusInfo;

/** The SSTP control exchange over byte arrays: no socket, no TLS. */
class CallConnectExchangeTest {
    static final byte[] NONCE = new byte[32];

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    record Run(CallConnectExchange.Result result, byte[] sent) {
    }

    static Run run(byte[] fromServer) {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        CallConnectExchange.Result result = CallConnectExchange.run(
                SstpChannel.of(new ByteArrayInputStream(fromServer), sent), () -> false);
        return new Run(result, sent.toByteArray());
    }

    @Test
    void ackIsAcceptedAndTheCallIsLeftPolitely() {
        Run run = run(concat(ControlPacket.callConnectAck(2, NONCE).encode(), ControlPacket.callDisconnectAck().encode()));
        assertEquals(Outcome.SSTP_ACK, run.result().classified().outcome());
        assertEquals("SHA-256", run.result().sstp().hashProtocols());
        assertEquals("CALL_DISCONNECT acknowledged", run.result().sstp().ending());
        assertArrayEquals(concat(ControlPacket.callConnectRequest().encode(), ControlPacket.callDisconnect().encode()),
                run.sent(), "exactly the Call Connect Request, then CALL_DISCONNECT");
    }

    @Test
    void echoRequestsAreAnsweredAndDataIsSkippedBeforeTheAnswer() {
        Run run = run(concat(ControlPacket.echoRequest().encode(), new DataPacket(new byte[] {1, 2, 3}).encode(),
                ControlPacket.callConnectAck(3, NONCE).encode()));
        assertEquals(Outcome.SSTP_ACK, run.result().classified().outcome());
        assertEquals("SHA-256 + SHA-1", run.result().sstp().hashProtocols());
        assertEquals("CALL_DISCONNECT sent; the server closed the connection", run.result().sstp().ending());
        assertArrayEquals(concat(ControlPacket.callConnectRequest().encode(), ControlPacket.echoResponse().encode(),
                ControlPacket.callDisconnect().encode()), run.sent());
    }

    @Test
    void nakCarriesItsStatus() {
        Run run = run(ControlPacket.callConnectNak(StatusInfo.of(AttributeId.ENCAPSULATED_PROTOCOL_ID,
                StatusCode.VALUE_NOT_SUPPORTED)).encode());
        assertEquals(Outcome.SSTP_NAK, run.result().classified().outcome());
        assertEquals("VALUE_NOT_SUPPORTED", run.result().sstp().statusName());
        assertEquals(Stage.SSTP_CONTROL, run.result().classified().stage());
    }

    @Test
    void ackWithoutCryptoBindingIsMalformed() {
        Run run = run(new ControlPacket(org.sstpdoctor.sstp.MessageType.CALL_CONNECT_ACK).encode());
        assertEquals(Outcome.SSTP_MALFORMED, run.result().classified().outcome());
    }

    @Test
    void anotherProtocolAfterThe200IsNotSstp() {
        Run run = run("<html>hello</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(Outcome.NOT_SSTP, run.result().classified().outcome(), run.result().classified().detail());
    }

    @Test
    void aWrongLengthFieldIsMalformed() {
        byte[] ack = ControlPacket.callConnectAck(2, NONCE).encode();
        ack[3] = (byte) (ack[3] + 4); // claims 4 bytes more than the packet has, then the stream ends
        Run run = run(ack);
        assertEquals(Outcome.SSTP_MALFORMED, run.result().classified().outcome(), run.result().classified().detail());
    }

    @Test
    void aCleanCloseBeforeAnyAnswer() {
        Run run = run(new byte[0]);
        assertEquals(Outcome.CONNECTION_CLOSED, run.result().classified().outcome());
        assertEquals("the server closed the connection", run.result().sstp().ending());
    }

    @Test
    void aResetIsAReset() {
        InputStream resetting = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new SocketException("Connection reset");
            }
        };
        CallConnectExchange.Result result = CallConnectExchange.run(
                SstpChannel.of(resetting, new ByteArrayOutputStream()), () -> false);
        assertEquals(Outcome.CONNECTION_RESET, result.classified().outcome());
    }

    @Test
    void endlessDataWithoutAnAnswerIsGivenUpOn() {
        byte[] data = new DataPacket(new byte[] {9}).encode();
        byte[][] many = new byte[CallConnectExchange.MAX_PACKETS_BEFORE_ANSWER][];
        Arrays.fill(many, data);
        Run run = run(concat(many));
        assertEquals(Outcome.SSTP_MALFORMED, run.result().classified().outcome());
        assertTrue(run.result().classified().detail().contains("without answering"));
    }
}
