package org.sstpdoctor.ppp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * MPPE key derivation from MS-CHAPv2 (RFC 3079 §3.3 and §3.4, 128-bit keys) and the Higher-Layer
 * Authentication Key that SSTP's crypto binding is keyed from ([MS-SSTP] §3.2.5.2): the client's
 * master send key followed by its master receive key, as Open SSTP Client computes it
 * (kittoku/Open-SSTP-Client: app/src/main/java/kittoku/osc/negotiator/SstpNegotiator.kt,
 * generateChapHLAK). For PAP, or when no keys exist, the HLAK is 32 zero bytes.
 * Known-answer tests: RFC 3079 §3.5.3.
 */
public final class MppeKeys {
    public static final int KEY_LENGTH = 16;
    public static final int HLAK_LENGTH = 32;

    private static final byte[] MAGIC1 = "This is the MPPE Master Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC2 = ("On the client side, this is the send key; "
            + "on the server side, it is the receive key.").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC3 = ("On the client side, this is the receive key; "
            + "on the server side, it is the send key.").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHS_PAD1 = new byte[40];
    private static final byte[] SHS_PAD2 = filled(40, (byte) 0xF2);

    private MppeKeys() {
    }

    /** RFC 3079 §3.4 GetMasterKey. */
    public static byte[] masterKey(byte[] passwordHashHash, byte[] ntResponse) {
        MessageDigest sha1 = MsChapV2.sha1();
        sha1.update(passwordHashHash);
        sha1.update(ntResponse);
        sha1.update(MAGIC1);
        return Arrays.copyOf(sha1.digest(), KEY_LENGTH);
    }

    /** RFC 3079 §3.4 GetAsymmetricStartKey, for 128-bit keys. */
    public static byte[] asymmetricStartKey(byte[] masterKey, boolean isSend, boolean isServer) {
        MessageDigest sha1 = MsChapV2.sha1();
        sha1.update(masterKey);
        sha1.update(SHS_PAD1);
        sha1.update(isSend == isServer ? MAGIC3 : MAGIC2);
        sha1.update(SHS_PAD2);
        return Arrays.copyOf(sha1.digest(), KEY_LENGTH);
    }

    /**
     * The HLAK after an MS-CHAPv2 (or EAP-MSCHAPv2) sign-in: client send key, then client receive
     * key. Both ends compute the same bytes (the server's receive key is the client's send key).
     */
    public static byte[] hlak(char[] password, byte[] ntResponse) {
        byte[] passwordHash = MsChapV2.ntPasswordHash(password);
        byte[] passwordHashHash = MsChapV2.hashNtPasswordHash(passwordHash);
        byte[] master = masterKey(passwordHashHash, ntResponse);
        byte[] hlak = new byte[HLAK_LENGTH];
        System.arraycopy(asymmetricStartKey(master, true, false), 0, hlak, 0, KEY_LENGTH);
        System.arraycopy(asymmetricStartKey(master, false, false), 0, hlak, KEY_LENGTH, KEY_LENGTH);
        Arrays.fill(passwordHash, (byte) 0);
        Arrays.fill(passwordHashHash, (byte) 0);
        Arrays.fill(master, (byte) 0);
        return hlak;
    }

    /** [MS-SSTP] §3.2.5.2: PAP, or an inner method without keys. */
    public static byte[] zeroHlak() {
        return new byte[HLAK_LENGTH];
    }

    private static byte[] filled(int length, byte value) {
        byte[] b = new byte[length];
        Arrays.fill(b, value);
        return b;
    }
}
