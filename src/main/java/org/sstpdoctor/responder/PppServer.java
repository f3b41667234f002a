package org.sstpdoctor.responder;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sstpdoctor.ppp.AuthProtocol;
import org.sstpdoctor.ppp.CpOption;
import org.sstpdoctor.ppp.CpPacket;
import org.sstpdoctor.ppp.MppeKeys;
import org.sstpdoctor.ppp.PppFormatException;
import org.sstpdoctor.ppp.PppFrame;
import org.sstpdoctor.sstp.AttributeId;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.sstp.CryptoBinding;
import org.sstpdoctor.sstp.DataPacket;
import org.sstpdoctor.sstp.SstpFormatException;
import org.sstpdoctor.sstp.SstpPacket;
import org.sstpdoctor.sstp.StatusCode;
import org.sstpdoctor.sstp.StatusInfo;

/**
 * The responder's PPP server side for one call: LCP, the authenticator (MS-CHAP v2, PAP or EAP with
 * MS-CHAP v2, against one configured account), the crypto-binding check of CALL_CONNECTED ([MS-SSTP]
 * §3.3.5.2.3: nonce, certificate hash and compound MAC), and IPCP offering one address. Each
 * {@link SignInBehaviour} changes one of those steps. Not thread-safe: one session thread drives it.
 */
final class PppServer {
    interface Sink {
        void write(SstpPacket packet) throws IOException;
    }

    private final SignInConfig config;
    /** Constant-time comparisons throughout, so the responder does not teach timing attacks. */
    private final MsChapV2Authenticator msChap;
    private final Sink out;
    private final byte[] nonce;
    private final byte[] certificateDer;
    private final long magic = new SecureRandom().nextInt() & 0xFFFFFFFFL;
    private int nextId = 1;
    private int lcpRequestId;
    private boolean lcpOurAcked;
    private boolean lcpTheirAcked;
    private boolean authStarted;
    private boolean authenticated;
    private boolean silent;
    private boolean bindingVerified;
    private boolean ipcpStarted;
    private byte[] hlak = MppeKeys.zeroHlak();
    private String note = "";

    PppServer(SignInConfig config, Sink out, byte[] nonce, java.security.cert.Certificate certificate) throws IOException {
        this.config = config;
        this.msChap = new MsChapV2Authenticator(config);
        this.out = out;
        this.nonce = nonce.clone();
        try {
            this.certificateDer = certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException("the responder's own certificate cannot be encoded", e);
        }
    }

    /** What happened, for the exchange record; never the password. */
    String note() {
        return note;
    }

    /** Starts LCP: the server's Configure-Request names the authentication protocol it wants. */
    void start() throws IOException {
        sendLcpRequest();
    }

    void onData(byte[] payload) throws IOException {
        if (silent) {
            return;
        }
        PppFrame frame;
        CpPacket packet;
        try {
            frame = PppFrame.decode(payload);
            packet = frame.packet();
        } catch (PppFormatException e) {
            note = "malformed PPP frame from the client: " + e.getMessage();
            return;
        }
        try {
            switch (frame.protocol()) {
                case PppFrame.LCP -> lcp(packet);
                case PppFrame.CHAP -> chap(packet);
                case PppFrame.PAP -> pap(packet);
                case PppFrame.EAP -> eap(packet);
                case PppFrame.IPCP -> ipcp(packet);
                default -> { }
            }
        } catch (PppFormatException e) {
            note = "malformed PPP packet from the client: " + e.getMessage();
        }
    }

    /**
     * Checks CALL_CONNECTED's crypto binding.
     *
     * @return false when the call was aborted (CALL_ABORT sent)
     */
    boolean onCallConnected(ControlPacket packet) throws IOException {
        if (silent) {
            return true;
        }
        String problem;
        try {
            CryptoBinding binding = CryptoBinding.parse(packet.attribute(AttributeId.CRYPTO_BINDING)
                    .orElseThrow(() -> new SstpFormatException(SstpFormatException.Problem.BAD_ATTRIBUTE, "CALL_CONNECTED has no crypto binding attribute", 8)).value());
            if (!authenticated) {
                problem = "CALL_CONNECTED before the sign-in finished";
            } else if (config.behaviour() == SignInBehaviour.REJECT_BINDING) {
                problem = "crypto binding rejected (the configured certificate hash differs, as behind SSL offload)";
            } else if (!Arrays.equals(binding.nonce(), nonce)) {
                problem = "the nonce is not the one sent in the Call Connect Ack";
            } else if (!Arrays.equals(binding.certificateHash(),
                    CryptoBinding.certificateHash(binding.hashProtocol(), certificateDer))) {
                problem = "the certificate hash is not this server's certificate";
            } else if (!binding.macMatches(hlak)) {
                problem = "the compound MAC is wrong";
            } else {
                bindingVerified = true;
                note = "signed in; crypto binding verified";
                return true;
            }
        } catch (SstpFormatException e) {
            problem = e.getMessage();
        }
        out.write(ControlPacket.callAbort(StatusInfo.of(AttributeId.CRYPTO_BINDING, StatusCode.INVALID_FRAME_RECEIVED)));
        note = "CALL_ABORT after CALL_CONNECTED: " + problem;
        return false;
    }

    // --- LCP -----------------------------------------------------------------------------------

    /** The protocol this server asks for: its configured one, unless the behaviour is about asking for another. */
    private AuthProtocol askedAuth() {
        return switch (config.behaviour()) {
            case AUTH_PROTOCOL_MISMATCH -> AuthProtocol.CHAP_MD5;
            case MSCHAPV2_NOT_ALLOWED -> AuthProtocol.PAP;
            default -> config.auth();
        };
    }

    private void sendLcpRequest() throws IOException {
        AuthProtocol auth = askedAuth();
        lcpRequestId = nextId();
        send(PppFrame.LCP, CpPacket.configure(CpPacket.CONFIGURE_REQUEST, lcpRequestId,
                List.of(CpOption.u16(1, 1400), auth.toOption(), CpOption.u32(5, magic))));
    }

    private void lcp(CpPacket packet) throws IOException, PppFormatException {
        switch (packet.code()) {
            case CpPacket.CONFIGURE_REQUEST -> {
                if (config.behaviour() == SignInBehaviour.LCP_NEVER_CONVERGES) {
                    send(PppFrame.LCP, CpPacket.configure(CpPacket.CONFIGURE_NAK, packet.id(), List.of(CpOption.u16(1, 100))));
                    note = "LCP: every Configure-Request answered with a Nak";
                    return;
                }
                List<CpOption> reject = new ArrayList<>();
                for (CpOption option : packet.options()) {
                    if (option.type() != 1 && option.type() != 5) {
                        reject.add(option);
                    }
                }
                if (!reject.isEmpty()) {
                    send(PppFrame.LCP, CpPacket.configure(CpPacket.CONFIGURE_REJECT, packet.id(), reject));
                    return;
                }
                send(PppFrame.LCP, new CpPacket(CpPacket.CONFIGURE_ACK, packet.id(), packet.data()));
                lcpTheirAcked = true;
            }
            case CpPacket.CONFIGURE_ACK -> {
                if (packet.id() == lcpRequestId) {
                    lcpOurAcked = true;
                }
            }
            case CpPacket.CONFIGURE_NAK, CpPacket.CONFIGURE_REJECT -> {
                if (packet.id() == lcpRequestId && config.behaviour() == SignInBehaviour.MSCHAPV2_NOT_ALLOWED) {
                    // As a server whose policy allows PAP only: the client's MS-CHAP v2 is not accepted.
                    note = "LCP: the client asked for MS-CHAP v2, which this server does not allow; link ended";
                    send(PppFrame.LCP, new CpPacket(CpPacket.TERMINATE_REQUEST, nextId(),
                            "MS-CHAP v2 is not allowed".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                } else if (packet.id() == lcpRequestId) {
                    note = "LCP: the client refused " + askedAuth().displayName() + "; insisting";
                    sendLcpRequest(); // a server configured for one protocol insists on it
                }
            }
            case CpPacket.TERMINATE_REQUEST -> {
                send(PppFrame.LCP, new CpPacket(CpPacket.TERMINATE_ACK, packet.id(), new byte[0]));
                note = note.isEmpty() ? "the client ended the link" : note + "; the client ended the link";
                return;
            }
            case CpPacket.ECHO_REQUEST -> {
                send(PppFrame.LCP, new CpPacket(CpPacket.ECHO_REPLY, packet.id(), CpOption.u32(0, magic).value()));
                return;
            }
            default -> {
                return;
            }
        }
        if (lcpOurAcked && lcpTheirAcked && !authStarted) {
            authStarted = true;
            startAuth();
        }
    }

    private void startAuth() throws IOException {
        switch (config.auth()) {
            case PAP -> { } // the peer speaks first
            case EAP -> send(PppFrame.EAP, new CpPacket(1, nextId(), new byte[] {1}));
            default -> sendChapChallenge();
        }
    }

    // --- MS-CHAP v2 ----------------------------------------------------------------------------

    private void sendChapChallenge() throws IOException {
        send(PppFrame.CHAP, new CpPacket(1, nextId(), msChap.newChallenge()));
    }

    private void chap(CpPacket packet) throws IOException {
        if (packet.code() != 2 || !msChap.challenged()) {
            return;
        }
        send(PppFrame.CHAP, new CpPacket(verifyMsChap(packet.data(), 0) ? 3 : 4, packet.id(), reply));
        afterAuth();
    }

    private byte[] reply = new byte[0];

    /** Checks a Value-Size 49 response at {@code offset}; leaves the Success or Failure text in {@link #reply}. */
    private boolean verifyMsChap(byte[] data, int offset) {
        MsChapV2Authenticator.Verdict verdict = msChap.verify(data, offset);
        reply = verdict.reply();
        note = verdict.note();
        if (verdict.signedIn()) {
            authenticated = true;
            hlak = verdict.hlak();
        }
        return verdict.signedIn();
    }

    // --- PAP -----------------------------------------------------------------------------------

    private void pap(CpPacket packet) throws IOException {
        byte[] d = packet.data();
        if (packet.code() != 1 || config.auth() != AuthProtocol.PAP || d.length < 2) {
            return;
        }
        int userLength = d[0] & 0xFF;
        if (d.length < 2 + userLength || d.length < 2 + userLength + (d[1 + userLength] & 0xFF)) {
            return;
        }
        String name = new String(d, 1, userLength, StandardCharsets.UTF_8);
        byte[] given = Arrays.copyOfRange(d, 2 + userLength, 2 + userLength + (d[1 + userLength] & 0xFF));
        char[] password = config.password().reveal();
        byte[] expected = new String(password).getBytes(StandardCharsets.UTF_8);
        Arrays.fill(password, '\0');
        boolean ok = MsChapV2Authenticator.stripDomain(name).equalsIgnoreCase(config.user()) && java.security.MessageDigest.isEqual(given, expected)
                && config.behaviour() != SignInBehaviour.WRONG_PASSWORD;
        Arrays.fill(expected, (byte) 0);
        Arrays.fill(given, (byte) 0);
        String message = !ok ? "The user name or password is incorrect."
                : config.behaviour() == SignInBehaviour.POLICY_REFUSAL ? config.policyMessage() : "Welcome";
        ok &= config.behaviour() != SignInBehaviour.POLICY_REFUSAL;
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[1 + text.length];
        data[0] = (byte) text.length;
        System.arraycopy(text, 0, data, 1, text.length);
        send(PppFrame.PAP, new CpPacket(ok ? 2 : 3, packet.id(), data));
        authenticated = ok;
        note = "PAP: " + (ok ? "signed in " + MsChapV2Authenticator.stripDomain(name) : "refused");
        afterAuth();
    }

    // --- EAP-MSCHAPv2 --------------------------------------------------------------------------

    private void eap(CpPacket packet) throws IOException {
        byte[] d = packet.data();
        if (packet.code() != 2 || d.length < 1) {
            return;
        }
        int type = d[0] & 0xFF;
        if (type == 1) {
            eapRequest(msBody(1, msChap.newChallenge()));
        } else if (type == 26 && d.length >= 2) {
            int opCode = d[1] & 0xFF;
            if (opCode == 2) {
                boolean ok = verifyMsChap(d, 5);
                eapRequest(msBody(ok ? 3 : 4, reply));
            } else if (opCode == 3 && authenticated) {
                send(PppFrame.EAP, new CpPacket(3, nextId(), new byte[0]));
                afterAuth();
            } else {
                send(PppFrame.EAP, new CpPacket(4, nextId(), new byte[0]));
            }
        }
    }

    private byte[] msBody(int opCode, byte[] value) {
        byte[] body = new byte[5 + value.length];
        body[0] = 26;
        body[1] = (byte) opCode;
        body[2] = (byte) nextId;
        body[3] = (byte) ((body.length - 1) >> 8);
        body[4] = (byte) (body.length - 1);
        System.arraycopy(value, 0, body, 5, value.length);
        return body;
    }

    private void eapRequest(byte[] data) throws IOException {
        send(PppFrame.EAP, new CpPacket(1, nextId(), data));
    }

    // --- IPCP ----------------------------------------------------------------------------------

    private void afterAuth() throws IOException {
        if (!authenticated) {
            return;
        }
        if (config.behaviour() == SignInBehaviour.SILENT_AFTER_AUTH) {
            silent = true;
            note = note + "; then silent";
            return;
        }
        if (!ipcpStarted) {
            ipcpStarted = true;
            send(PppFrame.IPCP, CpPacket.configure(CpPacket.CONFIGURE_REQUEST, nextId(),
                    List.of(new CpOption(3, address(config.serverAddress())))));
        }
    }

    private void ipcp(CpPacket packet) throws IOException, PppFormatException {
        if (!authenticated) {
            return;
        }
        if (packet.code() != CpPacket.CONFIGURE_REQUEST) {
            return;
        }
        List<CpOption> options = packet.options();
        if (config.behaviour() == SignInBehaviour.NO_ADDRESS) {
            List<CpOption> reject = options.stream().filter(o -> o.type() == 3).toList();
            send(PppFrame.IPCP, CpPacket.configure(CpPacket.CONFIGURE_REJECT, packet.id(), reject.isEmpty() ? options : reject));
            note = note + "; no address to offer (IPCP Reject)";
            return;
        }
        List<CpOption> nak = new ArrayList<>();
        List<CpOption> reject = new ArrayList<>();
        for (CpOption option : options) {
            byte[] wanted = switch (option.type()) {
                case 3 -> address(config.clientAddress());
                case 129, 131 -> address(config.dns());
                default -> null;
            };
            if (wanted == null) {
                reject.add(option);
            } else if (!Arrays.equals(wanted, option.value())) {
                nak.add(new CpOption(option.type(), wanted));
            }
        }
        int code = !reject.isEmpty() ? CpPacket.CONFIGURE_REJECT : !nak.isEmpty() ? CpPacket.CONFIGURE_NAK : CpPacket.CONFIGURE_ACK;
        byte[] data = code == CpPacket.CONFIGURE_REJECT ? CpPacket.encodeOptions(reject)
                : code == CpPacket.CONFIGURE_NAK ? CpPacket.encodeOptions(nak) : packet.data();
        send(PppFrame.IPCP, new CpPacket(code, packet.id(), data));
        if (code == CpPacket.CONFIGURE_ACK) {
            note = note + "; offered " + config.clientAddress() + (bindingVerified ? "" : " (no verified Call Connected)");
        }
    }

    private static byte[] address(String dotted) {
        try {
            return InetAddress.getByName(dotted).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted, e);
        }
    }

    private int nextId() {
        nextId = (nextId + 1) & 0xFF;
        return nextId;
    }

    private void send(int protocol, CpPacket packet) throws IOException {
        out.write(new DataPacket(new PppFrame(protocol, packet).encode()));
    }
}
