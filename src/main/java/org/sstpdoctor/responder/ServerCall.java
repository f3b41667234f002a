package org.sstpdoctor.responder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Optional;
import org.sstpdoctor.sstp.AttributeId;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.sstp.MessageType;
import org.sstpdoctor.sstp.SstpCodec;
import org.sstpdoctor.sstp.SstpFormatException;
import org.sstpdoctor.sstp.SstpPacket;
import org.sstpdoctor.sstp.StatusCode;
import org.sstpdoctor.sstp.StatusInfo;

/** One call after the 200, server side: the answer to Call Connect as the behaviour says, echo, disconnect. */
final class ServerCall {
    private final ResponderConfig config;
    private final SecureRandom random;
    /** The PPP side's account, or null: without it PPP frames have nowhere to go. */
    private final SignInConfig signIn;

    ServerCall(ResponderConfig config, SecureRandom random, SignInConfig signIn) {
        this.config = config;
        this.random = random;
        this.signIn = signIn;
    }

    /** The SSTP control exchange, server side ([MS-SSTP] 3.3). */
    void run(Socket socket, InputStream in, OutputStream out, ExchangeBuilder exchange)
            throws IOException {
        socket.setSoTimeout((int) Math.max(1, config.negotiationTimeout().toMillis()));
        boolean acked = false;
        PppServer ppp = null;
        while (true) {
            SstpPacket packet;
            try {
                Optional<SstpPacket> next = SstpCodec.read(in);
                if (next.isEmpty()) {
                    exchange.note = "the client closed the connection";
                    return;
                }
                packet = next.get();
            } catch (SocketTimeoutException e) {
                SstpCodec.write(out, ControlPacket.callAbort(StatusInfo.of(AttributeId.NO_ERROR, StatusCode.NEGOTIATION_TIMEOUT)));
                exchange.note = "negotiation timed out; CALL_ABORT sent";
                return;
            } catch (SstpFormatException e) {
                SstpCodec.write(out, ControlPacket.callAbort(StatusInfo.of(AttributeId.NO_ERROR, StatusCode.INVALID_FRAME_RECEIVED)));
                exchange.note = "malformed packet from the client: " + e.getMessage();
                return;
            }
            exchange.packets.add(packet.encode());
            if (!(packet instanceof ControlPacket control)) {
                if (ppp != null) {
                    ppp.onData(((org.sstpdoctor.sstp.DataPacket) packet).payload());
                    exchange.note = ppp.note();
                }
                continue; // without a PPP side, PPP frames have nowhere to go
            }
            MessageType type = control.knownType().orElse(null);
            if (type == null) {
                continue;
            }
            switch (type) {
                case CALL_CONNECT_REQUEST -> {
                    if (acked) {
                        continue;
                    }
                    if (!requestsPpp(control)) {
                        SstpCodec.write(out, ControlPacket.callConnectNak(
                                StatusInfo.of(AttributeId.ENCAPSULATED_PROTOCOL_ID, StatusCode.VALUE_NOT_SUPPORTED)));
                        continue;
                    }
                    switch (config.behaviour().onCallConnect()) {
                        case NAK -> SstpCodec.write(out, ControlPacket.callConnectNak(
                                StatusInfo.of(AttributeId.ENCAPSULATED_PROTOCOL_ID, config.nakStatus())));
                        case ABORT -> {
                            SstpCodec.write(out, ControlPacket.callAbort(StatusInfo.of(AttributeId.NO_ERROR, config.nakStatus())));
                            exchange.note = "CALL_ABORT sent instead of an Ack";
                            return;
                        }
                        default -> {
                            byte[] nonce = new byte[32];
                            random.nextBytes(nonce);
                            SstpCodec.write(out, ControlPacket.callConnectAck(config.hashBitmask(), nonce));
                            acked = true;
                            if (signIn != null && socket instanceof javax.net.ssl.SSLSocket tls) {
                                OutputStream sink = out;
                                ppp = new PppServer(signIn, p -> SstpCodec.write(sink, p), nonce,
                                        tls.getSession().getLocalCertificates()[0]);
                                ppp.start();
                            }
                        }
                    }
                }
                case ECHO_REQUEST -> SstpCodec.write(out, ControlPacket.echoResponse());
                case CALL_CONNECTED -> {
                    if (ppp != null) {
                        boolean goOn = ppp.onCallConnected(control);
                        exchange.note = ppp.note();
                        if (!goOn) {
                            return;
                        }
                    }
                }
                case CALL_DISCONNECT -> {
                    SstpCodec.write(out, ControlPacket.callDisconnectAck());
                    exchange.note = (ppp == null || ppp.note().isEmpty() ? "" : ppp.note() + "; ") + "the client disconnected";
                    return;
                }
                case CALL_ABORT -> {
                    exchange.note = "the client aborted the call";
                    return;
                }
                default -> { }
            }
        }
    }

    private static boolean requestsPpp(ControlPacket request) {
        return request.attribute(AttributeId.ENCAPSULATED_PROTOCOL_ID)
                .map(a -> a.value().length == 2 && a.value()[0] == 0 && a.value()[1] == ControlPacket.PROTOCOL_PPP)
                .orElse(false);
    }
}
