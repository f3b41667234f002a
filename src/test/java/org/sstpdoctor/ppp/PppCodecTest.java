package org.sstpdoctor.ppp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PppCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void lcpConfigureRequestExactBytes() {
        CpPacket request = CpPacket.configure(CpPacket.CONFIGURE_REQUEST, 1,
                List.of(CpOption.u16(1, 1500), CpOption.u32(5, 0x01020304L)));
        // ff 03 | c0 21 | code 1, id 1, length 14 | MRU 1500 | magic
        assertEquals("ff03c0210101000e010405dc050601020304", HEX.formatHex(new PppFrame(PppFrame.LCP, request).encode()));
    }

    @Test
    void decodesCompressedFrames() throws Exception {
        PppFrame full = PppFrame.decode(HEX.parseHex("ff03c02109010008000000aa"));
        PppFrame noAddress = PppFrame.decode(HEX.parseHex("c02109010008000000aa"));
        PppFrame shortProtocol = PppFrame.decode(HEX.parseHex("ff032145"));
        assertEquals(PppFrame.LCP, full.protocol());
        assertEquals(full, noAddress);
        assertEquals(PppFrame.IPV4, shortProtocol.protocol());
        assertEquals(CpPacket.ECHO_REQUEST, full.packet().code());
    }

    @Test
    void rejectsBrokenPackets() {
        assertThrows(PppFormatException.class, () -> PppFrame.decode(new byte[] {(byte) 0xff, 3}));
        assertThrows(PppFormatException.class, () -> CpPacket.decode(HEX.parseHex("0101ff00")));
        assertThrows(PppFormatException.class, () -> CpPacket.decode(HEX.parseHex("01010006")).options());
        assertThrows(PppFormatException.class, () -> new CpPacket(1, 1, HEX.parseHex("0109aa")).options());
        assertThrows(PppFormatException.class, () -> PppFrame.decode(HEX.parseHex("ff030002")));
    }

    @Test
    void authProtocolOptions() {
        assertArrayEquals(HEX.parseHex("c22381"), AuthProtocol.MSCHAP_V2.toOption().value());
        assertEquals(AuthProtocol.MSCHAP_V2, AuthProtocol.fromOption(new CpOption(3, HEX.parseHex("c22381"))));
        assertEquals(AuthProtocol.CHAP_MD5, AuthProtocol.fromOption(new CpOption(3, HEX.parseHex("c22305"))));
        assertEquals(AuthProtocol.PAP, AuthProtocol.fromOption(new CpOption(3, HEX.parseHex("c023"))));
        assertEquals(AuthProtocol.EAP, AuthProtocol.fromOption(new CpOption(3, HEX.parseHex("c227"))));
        assertEquals(AuthProtocol.OTHER, AuthProtocol.fromOption(new CpOption(3, HEX.parseHex("c027"))));
    }
}
