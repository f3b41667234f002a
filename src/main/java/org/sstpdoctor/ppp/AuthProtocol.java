package org.sstpdoctor.ppp;

import java.util.Arrays;

/**
 * The authentication protocols an LCP Authentication-Protocol option (type 3, RFC 1661 §6.2) can
 * name. The sign-in test speaks MS-CHAPv2, PAP and EAP (with MS-CHAPv2 inside); the others are
 * recognised so the report can say which one a server wanted.
 */
public enum AuthProtocol {
    MSCHAP_V2("MS-CHAP v2", PppFrame.CHAP, 0x81),
    PAP("PAP (unencrypted password)", PppFrame.PAP, -1),
    EAP("EAP", PppFrame.EAP, -1),
    CHAP_MD5("CHAP with MD5", PppFrame.CHAP, 0x05),
    MSCHAP_V1("MS-CHAP (version 1)", PppFrame.CHAP, 0x80),
    OTHER("an authentication protocol this test does not know", -1, -1);

    public static final int LCP_OPTION = 3;

    private final String displayName;
    private final int protocol;
    private final int algorithm;

    AuthProtocol(String displayName, int protocol, int algorithm) {
        this.displayName = displayName;
        this.protocol = protocol;
        this.algorithm = algorithm;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether the sign-in test can authenticate with it. */
    public boolean supported() {
        return this == MSCHAP_V2 || this == PAP || this == EAP;
    }

    /** The LCP option asking for this protocol. */
    public CpOption toOption() {
        if (this == OTHER) {
            throw new IllegalStateException("no option for " + this);
        }
        byte[] value = algorithm < 0
                ? new byte[] {(byte) (protocol >> 8), (byte) protocol}
                : new byte[] {(byte) (protocol >> 8), (byte) protocol, (byte) algorithm};
        return new CpOption(LCP_OPTION, value);
    }

    public static AuthProtocol fromOption(CpOption option) {
        byte[] v = option.value();
        if (v.length < 2) {
            return OTHER;
        }
        int protocol = ((v[0] & 0xFF) << 8) | (v[1] & 0xFF);
        int algorithm = v.length >= 3 ? v[2] & 0xFF : -1;
        return Arrays.stream(values())
                .filter(p -> p != OTHER && p.protocol == protocol && (p.algorithm < 0 || p.algorithm == algorithm))
                .findFirst().orElse(OTHER);
    }
}
