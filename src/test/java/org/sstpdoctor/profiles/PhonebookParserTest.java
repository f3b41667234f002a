package org.sstpdoctor.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhonebookParserTest {
    static byte[] fixture(String name) throws IOException {
        try (InputStream in = PhonebookParserTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void sectionIsTheNameAndTheFirstPhoneNumberTheServer() throws IOException {
        List<VpnProfile> p = PhonebookParser.parse(fixture("rasphone.pbk"), "rasphone.pbk (this user)");
        VpnProfile work = p.get(0);
        assertEquals("Work VPN", work.name());
        assertEquals("vpn.contoso.com", work.server());
        assertEquals(VpnStrategy.Sstp.YES, work.sstp());
        assertEquals("SSTP only", work.protocolNote());
        assertEquals("Work VPN — vpn.contoso.com", work.label());
        assertEquals("rasphone.pbk (this user)", work.source());
    }

    @Test
    void nonAsciiNamesAndServersSurvive() throws IOException {
        VpnProfile buero = PhonebookParser.parse(fixture("rasphone.pbk"), "x").get(1);
        assertEquals("Büro-VPN (Zürich) ☂", buero.name());
        assertEquals("vpn.bücher.example", buero.server());
        assertEquals("SSTP, then others", buero.protocolNote());
    }

    @Test
    void strategiesAreClassifiedAndDialUpAndServerlessEntriesLeftOut() throws IOException {
        List<VpnProfile> p = PhonebookParser.parse(fixture("rasphone.pbk"), "x");
        assertEquals(List.of("Work VPN", "Büro-VPN (Zürich) ☂", "Branch L2TP", "Automatic one", "Odd strategy",
                "Sneaky\\u202Egnp.exe"), p.stream().map(VpnProfile::name).toList());
        assertEquals(VpnStrategy.Sstp.NO, p.get(2).sstp());
        assertEquals(VpnStrategy.Sstp.MAYBE, p.get(3).sstp());
        assertEquals("VpnStrategy 99 (unknown value)", p.get(4).protocolNote());
        assertEquals(VpnStrategy.Sstp.MAYBE, p.get(4).sstp());
    }

    @Test
    void bidiOverrideInAConnectionNameIsMadeVisible() throws IOException {
        VpnProfile sneaky = PhonebookParser.parse(fixture("rasphone.pbk"), "x").get(5);
        assertFalse(sneaky.name().contains("\u202E"));
        assertEquals("Sneaky\\u202Egnp.exe", sneaky.name());
    }

    @Test
    void brokenFilesGiveNothingAndNeverThrow() throws IOException {
        assertEquals(List.of(), PhonebookParser.parse(fixture("rasphone-broken.pbk"), "x"));
        assertEquals(List.of(), PhonebookParser.parse(new byte[0], "x"));
        assertEquals(List.of(), PhonebookParser.parse(null, "x"));
        assertEquals(List.of(), PhonebookParser.parse(new byte[PhonebookParser.MAX_BYTES + 1], "x"));
    }

    @Test
    void utf16WithByteOrderMarkAndAnsiAreDecoded() {
        String text = "[Café VPN]\r\nType=2\r\nVpnStrategy=5\r\nPhoneNumber=vpn.example.com\r\n";
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16 = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, utf16, 0, 2);
        System.arraycopy(body, 0, utf16, 2, body.length);
        assertEquals("Café VPN", PhonebookParser.parse(utf16, "x").get(0).name());
        assertEquals("Café VPN", PhonebookParser.parse(text.getBytes(Charset.forName("windows-1252")), "x").get(0).name());
    }

    @Test
    void strategyTableMatchesRasH() {
        assertEquals(5, VpnStrategy.SSTP_ONLY.value());
        assertEquals(6, VpnStrategy.SSTP_FIRST.value());
        assertEquals(14, VpnStrategy.IKEV2_SSTP.value());
        assertEquals(VpnStrategy.Sstp.NO, VpnStrategy.of(7).orElseThrow().sstp());
        assertTrue(VpnStrategy.of(10).isEmpty());
    }

    @Test
    void bothPhoneBooksAreReadOnWindowsAndMissingOnesAreNotOffered(@TempDir Path dir) throws IOException {
        Path user = dir.resolve("user");
        Path pbk = user.resolve("Microsoft/Network/Connections/Pbk");
        Files.createDirectories(pbk);
        Files.write(pbk.resolve("rasphone.pbk"), fixture("rasphone.pbk"));
        Path all = dir.resolve("all/Microsoft/Network/Connections/Pbk");
        Files.createDirectories(all);
        Files.writeString(all.resolve("rasphone.pbk"), "[Shared]\nType=2\nVpnStrategy=6\nPhoneNumber=shared.example\n"
                + "[Work VPN]\nType=2\nPhoneNumber=vpn.contoso.com\n");
        List<VpnProfile> found = new VpnProfiles(Map.of("APPDATA", user.toString(), "ProgramData",
                dir.resolve("all").toString()), "Windows 11").find();
        assertTrue(found.stream().anyMatch(p -> p.name().equals("Shared") && p.source().equals("rasphone.pbk (all users)")));
        assertEquals(1, found.stream().filter(p -> p.name().equals("Work VPN")).count(), "duplicates removed");
        assertEquals(VpnStrategy.Sstp.YES, found.get(0).sstp(), "SSTP ones first");
        assertEquals(List.of(), new VpnProfiles(Map.of("APPDATA", dir.resolve("nowhere").toString()), "Windows 10").find());
        assertEquals(List.of(), new VpnProfiles(Map.of(), "Windows 10").find());
    }
}
