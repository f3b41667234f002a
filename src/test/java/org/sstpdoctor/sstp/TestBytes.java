package org.sstpdoctor.sstp;

import java.util.HexFormat;

/** Hex literals for tests, written the way packets appear in captures and reports. */
final class TestBytes {

    private TestBytes() {
    }

    /** Parses "10 01 00 0e" (spaces optional). */
    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** A recognizable 32-byte nonce: 0x00, 0x01, ... 0x1f. */
    static byte[] nonce() {
        byte[] nonce = new byte[32];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = (byte) i;
        }
        return nonce;
    }

    static final String NONCE_HEX =
            "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f";
}
