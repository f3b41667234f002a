package org.sstpdoctor.probe.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes each Windows family's ClientHello puts on the wire, written out by hand from
 * RFC 5246 7.4.1.2 / RFC 8446 4.1.2 and Microsoft's cipher-suite pages, not from the code.
 */
class ClientHelloBytesTest {
    private static final byte[] RANDOM = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
    }

    @Test
    void windows7SendsTls10WithItsTls10SuitesAndNoSignatureAlgorithms() {
        byte[] expected = hex("""
                16 0301 0076
                01 000072
                0301
                000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
                00
                001c c014 c013 0039 0033 0035 002f c00a c009 0038 0032 000a 0013 0005 0004
                01 00
                002d
                0000 0014 0012 00 000f 76706e2e6578616d706c652e636f6d
                000a 0006 0004 0017 0018
                000b 0002 01 00
                ff01 0001 00
                """);
        assertArrayEquals(expected, ClientHello.build(WindowsFamily.WINDOWS_7, "vpn.example.com", RANDOM, new byte[0],
                new byte[0]));
    }

    @Test
    void windows10SendsTls12InSchannelOrderWithoutSupportedVersions() {
        byte[] expected = hex("""
                16 0301 008e
                01 00008a
                0303
                000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
                00
                002a c02c c02b c030 c02f 009f 009e c024 c023 c028 c027 c00a c009 c014 c013
                     009d 009c 003d 003c 0035 002f 000a
                01 00
                0037
                000a 0008 0006 001d 0017 0018
                000b 0002 01 00
                000d 0018 0016 0804 0805 0806 0401 0501 0601 0403 0503 0603 0201 0203
                0017 0000
                ff01 0001 00
                """);
        // An IP address: no server_name extension (RFC 6066 section 3).
        assertArrayEquals(expected, ClientHello.build(WindowsFamily.WINDOWS_10, null, RANDOM, new byte[0], new byte[0]));
    }

    @Test
    void windows11OffersTls13FirstWithAnX25519KeyShare() {
        byte[] session = new byte[32];
        byte[] share = new byte[32];
        java.util.Arrays.fill(share, (byte) 0x42);
        byte[] hello = ClientHello.build(WindowsFamily.WINDOWS_11, null, RANDOM, session, share);
        String h = HexFormat.of().formatHex(hello);
        // legacy_version stays TLS 1.2; the real versions go in supported_versions, newest first.
        assertEquals("0303", h.substring(18, 22));
        assertTrue(h.contains("1302" + "1301" + "c02c"), "TLS 1.3 suites first, in Schannel's order");
        assertTrue(h.contains("002b" + "0005" + "04" + "0304" + "0303"), "supported_versions 1.3, 1.2");
        assertTrue(h.contains("002d" + "0002" + "01" + "01"), "psk_key_exchange_modes psk_dhe_ke");
        assertTrue(h.contains("0033" + "0026" + "0024" + "001d" + "0020" + "42".repeat(32)), "an x25519 key share");
        assertEquals(hello.length - 5, ((hello[3] & 0xFF) << 8) | (hello[4] & 0xFF), "record length");
    }

    @Test
    void everyFamilyOffersP256AndNeverP521() {
        for (WindowsFamily family : WindowsFamily.values()) {
            assertTrue(family.groups().contains(TlsNames.SECP256R1), family.label());
            assertTrue(!family.groups().contains(TlsNames.SECP521R1), family.label() + ": P-521 is not enabled by default");
            assertTrue(family.suiteNames().stream().noneMatch(n -> n.contains("CHACHA20")),
                    family.label() + ": Schannel enables no ChaCha20 suite by default");
            assertTrue(!family.sources().isEmpty());
        }
    }

    @Test
    void freshHellosDifferInTheirRandom() {
        byte[] a = ClientHello.build(WindowsFamily.WINDOWS_11, "vpn.example.com");
        byte[] b = ClientHello.build(WindowsFamily.WINDOWS_11, "vpn.example.com");
        assertEquals(a.length, b.length);
        assertTrue(!java.util.Arrays.equals(a, b));
    }
}
