package org.sstpdoctor.signin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sstpdoctor.ppp.AuthProtocol;
import org.sstpdoctor.ppp.CpOption;
import org.sstpdoctor.ppp.CpPacket;
import org.sstpdoctor.ppp.PppFormatException;
import org.sstpdoctor.ppp.PppFrame;

/**
 * The client's side of LCP (RFC 1661): its own Configure-Request (MRU and magic number), and its
 * answer to the server's, which names the authentication protocol the server wants. MS-CHAPv2 is
 * what Windows' SSTP client allows by default, so any other protocol is first answered with a Nak
 * proposing MS-CHAPv2; PAP and EAP are then accepted if the server insists (reported), others end
 * the test. Bounded by Max-Configure and Max-Failure (RFC 1661 §4.6: 10 and 5).
 */
final class LcpNegotiator {
    static final int OPTION_MRU = 1;
    static final int OPTION_ACCM = 2;
    static final int OPTION_MAGIC = 5;
    static final int OPTION_PFC = 7;
    static final int OPTION_ACFC = 8;
    static final int MRU = 1500;
    static final int MAX_CONFIGURE = 10;
    static final int MAX_FAILURE = 5;

    /** The agreed authentication protocol, or null when the server asks for none. */
    record Result(AuthProtocol auth, int serverMru) {
    }

    private final PppIo io;
    private final long restartMillis;
    private final List<String> notes;
    private boolean sendMru = true;
    private boolean sendMagic = true;
    private int mru = MRU;
    private int requestId = -1;
    private int requestsSent;
    private int failures;
    private boolean ourAcked;
    private boolean theirsAcked;
    private AuthProtocol auth;
    private AuthProtocol lastRefusedAuth;
    private int authRefusals;
    private int serverMru = MRU;

    LcpNegotiator(PppIo io, long restartMillis, List<String> notes) {
        this.io = io;
        this.restartMillis = restartMillis;
        this.notes = notes;
    }

    Result run() throws IOException, SignInFailure {
        sendRequest();
        while (!(ourAcked && theirsAcked)) {
            PppIo.Event event = io.next(restartMillis);
            if (event instanceof PppIo.TimedOut) {
                if (io.remaining() <= 0 || requestsSent >= MAX_CONFIGURE) {
                    throw new SignInFailure(requestsSent >= MAX_CONFIGURE && (theirsAcked || failures > 0)
                            ? SignInStatus.LCP_NOT_CONVERGING : SignInStatus.NO_ANSWER,
                            requestsSent >= MAX_CONFIGURE && (theirsAcked || failures > 0)
                                    ? "the link was not agreed after " + requestsSent + " Configure-Requests"
                                    : "the server stopped answering while the PPP link (LCP) was being agreed");
                }
                if (!ourAcked) {
                    sendRequest();
                }
                continue;
            }
            if (!(event instanceof PppIo.Frame frame)) {
                throw SignInFailure.of(event, "the PPP link (LCP) was being agreed");
            }
            if (frame.protocol() != PppFrame.LCP) {
                continue; // authentication or IPCP before LCP is open: RFC 1661 §3.4 says discard
            }
            handle(frame.packet());
        }
        io.lcpOpen = true;
        return new Result(auth, serverMru);
    }

    private void handle(CpPacket packet) throws IOException, SignInFailure {
        try {
            switch (packet.code()) {
                case CpPacket.CONFIGURE_REQUEST -> answer(packet);
                case CpPacket.CONFIGURE_ACK -> {
                    if (packet.id() == requestId) {
                        ourAcked = true;
                    }
                }
                case CpPacket.CONFIGURE_NAK -> {
                    if (packet.id() == requestId) {
                        adopt(packet.options());
                        failure("Configure-Nak");
                        sendRequest();
                    }
                }
                case CpPacket.CONFIGURE_REJECT -> {
                    if (packet.id() == requestId) {
                        for (CpOption option : packet.options()) {
                            if (option.type() == OPTION_MRU) {
                                sendMru = false;
                            } else if (option.type() == OPTION_MAGIC) {
                                sendMagic = false;
                            }
                        }
                        failure("Configure-Reject");
                        sendRequest();
                    }
                }
                case CpPacket.TERMINATE_REQUEST -> {
                    String text = PppIo.peerText(packet.data());
                    if (lastRefusedAuth != null) {
                        throw new SignInFailure(SignInStatus.AUTH_PROTOCOL_MISMATCH, "the server asked for "
                                + lastRefusedAuth.displayName() + " and ended the link when the client proposed MS-CHAP v2",
                                text, -1);
                    }
                    throw new SignInFailure(SignInStatus.REFUSED, "the server ended the link (LCP Terminate-Request) "
                            + "before any sign-in", text, -1);
                }
                case CpPacket.TERMINATE_ACK, CpPacket.CODE_REJECT, CpPacket.PROTOCOL_REJECT -> { }
                default -> io.send(PppFrame.LCP, new CpPacket(CpPacket.CODE_REJECT, io.nextId(), packet.encode()));
            }
        } catch (PppFormatException e) {
            throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "the server sent a malformed LCP packet: " + e.getMessage());
        }
    }

    private void failure(String what) throws SignInFailure {
        failures++;
        if (failures > MAX_FAILURE * 2) {
            throw new SignInFailure(SignInStatus.LCP_NOT_CONVERGING, "the server answered " + failures
                    + " Configure-Requests with a " + what + " without ever agreeing");
        }
    }

    private void adopt(List<CpOption> naked) {
        for (CpOption option : naked) {
            if (option.type() == OPTION_MRU && option.u16() >= 576 && option.u16() <= MRU) {
                mru = option.u16(); // a smaller MRU is always acceptable; a larger one is not needed
            }
            // A Nak of the magic number means a loop or a clash: sendRequest picks a new one each time anyway.
        }
    }

    private void sendRequest() throws IOException {
        List<CpOption> options = new ArrayList<>();
        if (sendMru) {
            options.add(CpOption.u16(OPTION_MRU, mru));
        }
        if (sendMagic) {
            options.add(CpOption.u32(OPTION_MAGIC, io.magic));
        }
        requestId = io.nextId();
        requestsSent++;
        io.send(PppFrame.LCP, CpPacket.configure(CpPacket.CONFIGURE_REQUEST, requestId, options));
    }

    /** RFC 1661 §5.1–5.4: Reject beats Nak beats Ack. */
    private void answer(CpPacket request) throws IOException, PppFormatException, SignInFailure {
        List<CpOption> reject = new ArrayList<>();
        List<CpOption> nak = new ArrayList<>();
        AuthProtocol asked = null;
        for (CpOption option : request.options()) {
            switch (option.type()) {
                case OPTION_MRU -> {
                    if (option.u16() < 128) {
                        nak.add(CpOption.u16(OPTION_MRU, MRU));
                    } else {
                        serverMru = option.u16();
                    }
                }
                case AuthProtocol.LCP_OPTION -> {
                    asked = AuthProtocol.fromOption(option);
                    if (asked != AuthProtocol.MSCHAP_V2 && !(asked.supported() && asked == lastRefusedAuth)) {
                        nak.add(AuthProtocol.MSCHAP_V2.toOption());
                    }
                }
                case OPTION_MAGIC -> {
                    if (option.u32() == io.magic) {
                        nak.add(CpOption.u32(OPTION_MAGIC, io.magic ^ 0x5A5A5A5AL));
                    }
                }
                // Async-control-character map and the header compressions mean nothing over SSTP's
                // framing, and accepting them is harmless: the decoder reads compressed frames.
                case OPTION_ACCM, OPTION_PFC, OPTION_ACFC -> { }
                default -> reject.add(option);
            }
        }
        if (!reject.isEmpty()) {
            io.send(PppFrame.LCP, CpPacket.configure(CpPacket.CONFIGURE_REJECT, request.id(), reject));
            theirsAcked = false;
            failure("Configure-Request with options the client must reject");
            return;
        }
        if (!nak.isEmpty()) {
            if (asked != null && asked != AuthProtocol.MSCHAP_V2) {
                authRefusals++;
                if (asked == lastRefusedAuth && authRefusals >= 3) {
                    throw new SignInFailure(SignInStatus.AUTH_PROTOCOL_MISMATCH, "the server insists on "
                            + asked.displayName() + ", which the sign-in test (like Windows' default settings) does not use; "
                            + "it offered MS-CHAP v2 instead");
                }
                lastRefusedAuth = asked;
            }
            io.send(PppFrame.LCP, CpPacket.configure(CpPacket.CONFIGURE_NAK, request.id(), nak));
            theirsAcked = false;
            failure("Configure-Request the client had to Nak");
            return;
        }
        if (asked != null && asked != AuthProtocol.MSCHAP_V2) {
            notes.add("The server insisted on " + asked.displayName() + " after the client proposed MS-CHAP v2. "
                    + (asked == AuthProtocol.PAP
                    ? "Windows sends a PAP password only if the connection's security settings allow an unencrypted password."
                    : "Windows uses EAP only if the connection's security settings choose it."));
        }
        auth = asked;
        io.send(PppFrame.LCP, new CpPacket(CpPacket.CONFIGURE_ACK, request.id(), request.data()));
        theirsAcked = true;
    }
}
