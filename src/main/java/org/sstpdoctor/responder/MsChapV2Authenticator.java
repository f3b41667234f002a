package org.sstpdoctor.responder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.sstpdoctor.ppp.MppeKeys;
import org.sstpdoctor.ppp.MsChapV2;

/**
 * The responder's MS-CHAP v2 authenticator (RFC 2759), used over CHAP and inside EAP-MSCHAPv2: it
 * issues the challenge, checks the peer's NT-Response against the configured account and answers
 * with the Success (authenticator response) or Failure text, applying the responder's sign-in
 * behaviour (wrong password, policy refusal).
 */
final class MsChapV2Authenticator {
    static final String SERVER_NAME = "sstp-doctor-responder";

    /** The answer to one response: what to send back, what happened, and the key material on success. */
    record Verdict(boolean signedIn, byte[] reply, String note, byte[] hlak) {
    }

    private final SignInConfig config;
    private final SecureRandom random = new SecureRandom();
    private byte[] challenge;

    MsChapV2Authenticator(SignInConfig config) {
        this.config = config;
    }

    boolean challenged() {
        return challenge != null;
    }

    /** A fresh 16-byte challenge, as the Value of a CHAP Challenge: Value-Size, Value, Name. */
    byte[] newChallenge() {
        challenge = new byte[16];
        random.nextBytes(challenge);
        byte[] name = SERVER_NAME.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[17 + name.length];
        data[0] = 16;
        System.arraycopy(challenge, 0, data, 1, 16);
        System.arraycopy(name, 0, data, 17, name.length);
        return data;
    }

    /** Checks a Value-Size 49 response found at {@code offset} of {@code data}. */
    Verdict verify(byte[] data, int offset) {
        if (challenge == null || data.length < offset + 50 || (data[offset] & 0xFF) != 49) {
            return new Verdict(false, failureText(691, "malformed response"), "MS-CHAP v2: a malformed response", null);
        }
        byte[] peerChallenge = Arrays.copyOfRange(data, offset + 1, offset + 17);
        byte[] ntResponse = Arrays.copyOfRange(data, offset + 25, offset + 49);
        String name = new String(data, offset + 50, data.length - offset - 50, StandardCharsets.UTF_8);
        char[] password = config.password().reveal();
        try {
            boolean userMatches = stripDomain(name).equalsIgnoreCase(config.user());
            boolean passwordMatches = userMatches && MessageDigest.isEqual(ntResponse,
                    MsChapV2.generateNtResponse(challenge, peerChallenge, name, password));
            if (!passwordMatches || config.behaviour() == SignInBehaviour.WRONG_PASSWORD) {
                return new Verdict(false, failureText(691, "The user name or password is incorrect."),
                        "MS-CHAP v2: rejected " + (userMatches ? "the password" : "an unknown user"), null);
            }
            if (config.behaviour() == SignInBehaviour.POLICY_REFUSAL) {
                return new Verdict(false, failureText(649, config.policyMessage()), "MS-CHAP v2: refused by policy (E=649)",
                        null);
            }
            byte[] success = (MsChapV2.generateAuthenticatorResponse(password, ntResponse, peerChallenge, challenge, name)
                    + " M=Welcome").getBytes(StandardCharsets.US_ASCII);
            return new Verdict(true, success, "MS-CHAP v2: signed in " + stripDomain(name),
                    MppeKeys.hlak(password, ntResponse));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private byte[] failureText(int error, String message) {
        String hex = HexFormat.of().formatHex(challenge == null ? new byte[16] : challenge).toUpperCase(Locale.ROOT);
        return ("E=" + error + " R=0 C=" + hex + " V=3 M=" + message).getBytes(StandardCharsets.UTF_8);
    }

    /** The account name without its "DOMAIN\" prefix, as the responder's account is configured. */
    static String stripDomain(String name) {
        int slash = name.lastIndexOf('\\');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
