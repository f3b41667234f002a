package org.sstpdoctor.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.sstpdoctor.ppp.AuthProtocol;
import org.sstpdoctor.ppp.CpPacket;
import org.sstpdoctor.ppp.MppeKeys;
import org.sstpdoctor.ppp.MsChapV2;
import org.sstpdoctor.ppp.PppFrame;

/**
 * The client's side of authentication, for the protocol LCP agreed: MS-CHAPv2 (RFC 2759), PAP
 * (RFC 1334 §2) or EAP (RFC 3748) with EAP-MSCHAPv2 inside (draft-kamath-pppext-eap-mschapv2). It
 * returns the HLAK the crypto binding needs: from the MS-CHAPv2 keys (RFC 3079), zero for PAP.
 */
final class Authenticator {
    static final int EAP_IDENTITY = 1;
    static final int EAP_NAK = 3;
    static final int EAP_MSCHAPV2 = 26;
    private static final int MAX_ROUNDS = 32;

    record Result(byte[] hlak, String serverMessage) {
    }

    private final PppIo io;
    private final Credentials credentials;
    private final long stepMillis;
    private final SecureRandom random;

    Authenticator(PppIo io, Credentials credentials, long stepMillis, SecureRandom random) {
        this.io = io;
        this.credentials = credentials;
        this.stepMillis = stepMillis;
        this.random = random;
    }

    Result run(AuthProtocol protocol) throws IOException, SignInFailure {
        return switch (protocol) {
            case MSCHAP_V2 -> msChapV2();
            case PAP -> pap();
            case EAP -> eap();
            default -> throw new SignInFailure(SignInStatus.AUTH_PROTOCOL_MISMATCH,
                    "the server asked for " + protocol.displayName());
        };
    }

    // --- MS-CHAPv2 over CHAP -------------------------------------------------------------------

    private Result msChapV2() throws IOException, SignInFailure {
        byte[] response = null;
        byte[] peerChallenge = null;
        byte[] authChallenge = null;
        byte[] ntResponse = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            PppIo.Frame frame = await(PppFrame.CHAP, response == null ? "waiting for the server's MS-CHAP v2 challenge"
                    : "waiting for the server to check the password");
            CpPacket packet = frame.packet();
            byte[] data = packet.data();
            switch (packet.code()) {
                case 1 -> { // Challenge (also re-sent by the server when our Response was lost)
                    if (data.length < 17 || (data[0] & 0xFF) != 16) {
                        throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "the server's MS-CHAP v2 challenge is malformed");
                    }
                    byte[] challenge = Arrays.copyOfRange(data, 1, 17);
                    if (response == null || !Arrays.equals(challenge, authChallenge)) {
                        authChallenge = challenge;
                        peerChallenge = new byte[16];
                        random.nextBytes(peerChallenge);
                        char[] password = credentials.password().reveal();
                        try {
                            ntResponse = MsChapV2.generateNtResponse(authChallenge, peerChallenge, credentials.nameOnWire(), password);
                        } finally {
                            Arrays.fill(password, '\0');
                        }
                        response = msChapValue(peerChallenge, ntResponse);
                    }
                    io.send(PppFrame.CHAP, new CpPacket(2, packet.id(), response));
                }
                case 3 -> { // Success
                    if (ntResponse == null) {
                        throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "the server said Success before any challenge");
                    }
                    return verifySuccess(ChapMessage.parse(data), ntResponse, peerChallenge, authChallenge);
                }
                case 4 -> throw chapFailure(ChapMessage.parse(data));
                default -> { }
            }
        }
        throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "the MS-CHAP v2 exchange went on for " + MAX_ROUNDS + " rounds");
    }

    /** Value-Size 49: peer challenge, 8 reserved zero bytes, NT-Response, flags; then the Name. */
    private byte[] msChapValue(byte[] peerChallenge, byte[] ntResponse) {
        byte[] name = credentials.nameOnWire().getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[1 + 49 + name.length];
        value[0] = 49;
        System.arraycopy(peerChallenge, 0, value, 1, 16);
        System.arraycopy(ntResponse, 0, value, 25, 24);
        System.arraycopy(name, 0, value, 50, name.length);
        return value;
    }

    private Result verifySuccess(ChapMessage success, byte[] ntResponse, byte[] peerChallenge, byte[] authChallenge)
            throws SignInFailure {
        char[] password = credentials.password().reveal();
        try {
            if (!MsChapV2.checkAuthenticatorResponse(password, ntResponse, peerChallenge, authChallenge,
                    credentials.nameOnWire(), success.authenticatorResponse())) {
                // RFC 2759 §8.8: a server that cannot prove it knows the password must not be trusted.
                throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "the server said Success but its proof of knowing "
                        + "the password (the authenticator response) is wrong", success.message(), -1);
            }
            return new Result(MppeKeys.hlak(password, ntResponse), success.message());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static SignInFailure chapFailure(ChapMessage failure) {
        int code = failure.errorCode();
        if (code == 691 || code < 0) {
            return new SignInFailure(SignInStatus.WRONG_CREDENTIALS, "the server rejected the user name or password"
                    + (code == 691 ? " (E=691)" : ""), failure.message(), code);
        }
        return new SignInFailure(SignInStatus.REFUSED, "the server refused the sign-in with error " + code
                + " (" + WindowsSignInErrors.describe(code) + ")", failure.message(), code);
    }

    // --- PAP -------------------------------------------------------------------------------------

    private Result pap() throws IOException, SignInFailure {
        byte[] name = credentials.nameOnWire().getBytes(StandardCharsets.UTF_8);
        char[] password = credentials.password().reveal();
        byte[] secret = new String(password).getBytes(StandardCharsets.UTF_8);
        Arrays.fill(password, '\0');
        try {
            if (name.length > 255 || secret.length > 255) {
                throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "PAP cannot carry a name or password over 255 bytes");
            }
            byte[] request = new byte[2 + name.length + secret.length];
            request[0] = (byte) name.length;
            System.arraycopy(name, 0, request, 1, name.length);
            request[1 + name.length] = (byte) secret.length;
            System.arraycopy(secret, 0, request, 2 + name.length, secret.length);
            int id = io.nextId();
            for (int attempt = 0; attempt < LcpNegotiator.MAX_CONFIGURE; attempt++) {
                io.send(PppFrame.PAP, new CpPacket(1, id, request));
                PppIo.Event event = io.next(PppIo.RESTART_MILLIS);
                while (event instanceof PppIo.Frame f && (f.protocol() != PppFrame.PAP || f.packet().id() != id)) {
                    ignoreOrFail(f);
                    event = io.next(PppIo.RESTART_MILLIS);
                }
                if (event instanceof PppIo.TimedOut && io.remaining() > 0) {
                    continue;
                }
                if (!(event instanceof PppIo.Frame frame)) {
                    throw SignInFailure.of(event, "waiting for the server to check the password (PAP)");
                }
                byte[] data = frame.packet().data();
                String message = data.length > 0 ? PppIo.peerText(Arrays.copyOfRange(data, 1, Math.min(data.length, 1 + (data[0] & 0xFF)))) : "";
                if (frame.packet().code() == 2) {
                    return new Result(MppeKeys.zeroHlak(), message);
                }
                throw new SignInFailure(SignInStatus.WRONG_CREDENTIALS, "the server rejected the user name or password (PAP Nak)",
                        message, -1);
            }
            throw new SignInFailure(SignInStatus.NO_ANSWER, "the server stopped answering while checking the password (PAP)");
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    // --- EAP with MS-CHAPv2 inside ---------------------------------------------------------------

    private Result eap() throws IOException, SignInFailure {
        byte[] ntResponse = null;
        byte[] peerChallenge = null;
        byte[] authChallenge = null;
        Result success = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            PppIo.Frame frame = await(PppFrame.EAP, "waiting for the server's EAP request");
            CpPacket packet = frame.packet();
            byte[] data = packet.data();
            switch (packet.code()) {
                case 3 -> {
                    if (success == null) {
                        throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "the server sent EAP Success before MS-CHAP v2 finished");
                    }
                    return success;
                }
                case 4 -> throw new SignInFailure(ntResponse == null ? SignInStatus.AUTH_PROTOCOL_MISMATCH
                        : SignInStatus.WRONG_CREDENTIALS, ntResponse == null
                        ? "the server ended EAP before asking for MS-CHAP v2 (it wants another EAP method)"
                        : "the server rejected the user name or password (EAP Failure)");
                case 1 -> { }
                default -> {
                    continue;
                }
            }
            if (data.length < 1) {
                throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "the server's EAP request has no type");
            }
            int type = data[0] & 0xFF;
            if (type == EAP_IDENTITY) {
                eapRespond(packet.id(), EAP_IDENTITY, credentials.nameOnWire().getBytes(StandardCharsets.UTF_8));
            } else if (type == EAP_MSCHAPV2 && data.length >= 5) {
                int opCode = data[1] & 0xFF;
                int msId = data[2] & 0xFF;
                if (opCode == 1 && data.length >= 22 && (data[5] & 0xFF) == 16) {
                    authChallenge = Arrays.copyOfRange(data, 6, 22);
                    peerChallenge = new byte[16];
                    random.nextBytes(peerChallenge);
                    char[] password = credentials.password().reveal();
                    try {
                        ntResponse = MsChapV2.generateNtResponse(authChallenge, peerChallenge, credentials.nameOnWire(), password);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                    byte[] value = msChapValue(peerChallenge, ntResponse);
                    eapRespond(packet.id(), EAP_MSCHAPV2, msChapV2Body(2, msId, value));
                } else if (opCode == 3 && ntResponse != null) {
                    success = verifySuccess(ChapMessage.parse(Arrays.copyOfRange(data, 5, data.length)), ntResponse,
                            peerChallenge, authChallenge);
                    eapRespond(packet.id(), EAP_MSCHAPV2, new byte[] {3});
                } else if (opCode == 4) {
                    eapRespond(packet.id(), EAP_MSCHAPV2, new byte[] {4});
                    throw chapFailure(ChapMessage.parse(Arrays.copyOfRange(data, 5, data.length)));
                }
            } else if (type == EAP_NAK || type < 4) {
                eapRespond(packet.id(), type, new byte[0]); // Notification (2) and the like: acknowledge
            } else {
                if (round > 4) {
                    throw new SignInFailure(SignInStatus.AUTH_PROTOCOL_MISMATCH, "the server wants EAP method " + type
                            + " (" + eapName(type) + "); the sign-in test speaks EAP-MSCHAP v2 only");
                }
                eapRespond(packet.id(), EAP_NAK, new byte[] {(byte) EAP_MSCHAPV2}); // RFC 3748 §5.3.1 legacy Nak
            }
        }
        throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "the EAP exchange went on for " + MAX_ROUNDS + " rounds");
    }

    static String eapName(int type) {
        return switch (type) {
            case 13 -> "EAP-TLS, a certificate sign-in";
            case 25 -> "PEAP";
            case 21 -> "EAP-TTLS";
            case 4 -> "EAP-MD5";
            default -> "not MS-CHAP v2";
        };
    }

    private static byte[] msChapV2Body(int opCode, int msId, byte[] value) {
        byte[] body = new byte[4 + value.length];
        body[0] = (byte) opCode;
        body[1] = (byte) msId;
        body[2] = (byte) (body.length >> 8);
        body[3] = (byte) body.length;
        System.arraycopy(value, 0, body, 4, value.length);
        return body;
    }

    private void eapRespond(int id, int type, byte[] typeData) throws IOException {
        byte[] data = new byte[1 + typeData.length];
        data[0] = (byte) type;
        System.arraycopy(typeData, 0, data, 1, typeData.length);
        io.send(PppFrame.EAP, new CpPacket(2, id, data));
    }

    // --- shared ----------------------------------------------------------------------------------

    /** The next frame of {@code protocol}; LCP Terminate or anything that ends the call fails the step. */
    private PppIo.Frame await(int protocol, String waitingFor) throws IOException, SignInFailure {
        for (int i = 0; i < MAX_ROUNDS * 4; i++) {
            PppIo.Event event = io.next(stepMillis);
            if (!(event instanceof PppIo.Frame frame)) {
                throw SignInFailure.of(event, waitingFor);
            }
            if (frame.protocol() == protocol) {
                return frame;
            }
            ignoreOrFail(frame);
        }
        throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "too many unrelated frames while " + waitingFor);
    }

    private void ignoreOrFail(PppIo.Frame frame) throws SignInFailure {
        if (frame.protocol() == PppFrame.LCP && frame.packet().code() == CpPacket.TERMINATE_REQUEST) {
            throw new SignInFailure(SignInStatus.REFUSED, "the server ended the link during the sign-in",
                    PppIo.peerText(frame.packet().data()), -1);
        }
    }
}
