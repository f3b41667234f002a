package org.sstpdoctor.ppp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The MS-CHAPv2 computations of RFC 2759 §8, named as the RFC names them. MD4 and DES come from
 * BouncyCastle, SHA-1 from the JDK: nothing here is hand-written cryptography, only the RFC's
 * arrangement of those primitives. Known-answer tests: RFC 2759 §9.2.
 */
public final class MsChapV2 {
    /** RFC 2759 §8.7: "Magic server to client signing constant". */
    private static final byte[] AUTH_MAGIC1 = "Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII);
    /** RFC 2759 §8.7: "Pad to make it do more than one iteration". */
    private static final byte[] AUTH_MAGIC2 = "Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII);

    public static final int CHALLENGE_LENGTH = 16;
    public static final int NT_RESPONSE_LENGTH = 24;

    private MsChapV2() {
    }

    /** RFC 2759 §8.2: the first 8 bytes of SHA-1(peer challenge, authenticator challenge, user name). */
    public static byte[] challengeHash(byte[] peerChallenge, byte[] authenticatorChallenge, String userName) {
        MessageDigest sha1 = sha1();
        sha1.update(peerChallenge);
        sha1.update(authenticatorChallenge);
        sha1.update(userNameForHash(userName).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(sha1.digest(), 8);
    }

    /** RFC 2759 §8.3: MD4 of the password in UTF-16LE ("Unicode"). */
    public static byte[] ntPasswordHash(char[] password) {
        byte[] unicode = new String(password).getBytes(StandardCharsets.UTF_16LE);
        try {
            return md4(unicode);
        } finally {
            Arrays.fill(unicode, (byte) 0);
        }
    }

    /** RFC 2759 §8.4. */
    public static byte[] hashNtPasswordHash(byte[] passwordHash) {
        return md4(passwordHash);
    }

    /** RFC 2759 §8.5: three DES encryptions of the challenge under the 21-byte zero-padded hash. */
    public static byte[] challengeResponse(byte[] challenge, byte[] passwordHash) {
        byte[] zPasswordHash = Arrays.copyOf(passwordHash, 21);
        byte[] response = new byte[NT_RESPONSE_LENGTH];
        for (int i = 0; i < 3; i++) {
            desEncrypt(challenge, Arrays.copyOfRange(zPasswordHash, 7 * i, 7 * i + 7), response, 8 * i);
        }
        return response;
    }

    /** RFC 2759 §8.1. */
    public static byte[] generateNtResponse(byte[] authenticatorChallenge, byte[] peerChallenge, String userName,
                                            char[] password) {
        byte[] challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
        byte[] passwordHash = ntPasswordHash(password);
        try {
            return challengeResponse(challenge, passwordHash);
        } finally {
            Arrays.fill(passwordHash, (byte) 0);
        }
    }

    /** RFC 2759 §8.7: the "S=" string a server that knows the password sends in its Success packet. */
    public static String generateAuthenticatorResponse(char[] password, byte[] ntResponse, byte[] peerChallenge,
                                                       byte[] authenticatorChallenge, String userName) {
        byte[] passwordHash = ntPasswordHash(password);
        byte[] passwordHashHash = hashNtPasswordHash(passwordHash);
        Arrays.fill(passwordHash, (byte) 0);
        MessageDigest sha1 = sha1();
        sha1.update(passwordHashHash);
        sha1.update(ntResponse);
        sha1.update(AUTH_MAGIC1);
        byte[] digest = sha1.digest();
        byte[] challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
        sha1.update(digest);
        sha1.update(challenge);
        sha1.update(AUTH_MAGIC2);
        digest = sha1.digest();
        Arrays.fill(passwordHashHash, (byte) 0);
        return "S=" + HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
    }

    /** RFC 2759 §8.8, compared without leaking timing. */
    public static boolean checkAuthenticatorResponse(char[] password, byte[] ntResponse, byte[] peerChallenge,
                                                     byte[] authenticatorChallenge, String userName, String received) {
        String expected = generateAuthenticatorResponse(password, ntResponse, peerChallenge, authenticatorChallenge, userName);
        return received != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                received.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * RFC 2759 §4 and §8.2: the name hashed is the user name without any "DOMAIN\" prefix that the
     * Name field of the Response carries.
     */
    static String userNameForHash(String userName) {
        int slash = userName.lastIndexOf('\\');
        return slash < 0 ? userName : userName.substring(slash + 1);
    }

    static byte[] md4(byte[] input) {
        MD4Digest md4 = new MD4Digest();
        md4.update(input, 0, input.length);
        byte[] out = new byte[md4.getDigestSize()];
        md4.doFinal(out, 0);
        return out;
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** RFC 2759 §8.6: DES with a 56-bit key given as 7 bytes, spread over 8 (parity bits left 0). */
    private static void desEncrypt(byte[] clear, byte[] key7, byte[] out, int outOffset) {
        byte[] key8 = new byte[8];
        key8[0] = (byte) (key7[0] & 0xFE);
        for (int i = 1; i < 7; i++) {
            key8[i] = (byte) (((key7[i - 1] & 0xFF) << (8 - i)) | ((key7[i] & 0xFF) >>> i));
        }
        key8[7] = (byte) ((key7[6] & 0xFF) << 1);
        DESEngine des = new DESEngine();
        des.init(true, new KeyParameter(key8));
        des.processBlock(clear, 0, out, outOffset);
        Arrays.fill(key8, (byte) 0);
    }
}
