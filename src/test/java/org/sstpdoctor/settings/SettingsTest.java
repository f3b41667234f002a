package org.sstpdoctor.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.ProxyMode;

class SettingsTest {
    @Test
    void defaults() {
        Settings d = Settings.defaults();
        assertEquals(List.of(), d.recentAddresses());
        assertEquals(ProxyMode.SYSTEM, d.proxyMode(), "as Windows and the command line do");
        assertEquals(15, d.timeoutSeconds());
        assertFalse(d.rememberPassword());
        assertNull(d.proxyHost());
        assertEquals(Settings.SCHEMA, d.schema());
    }

    @Test
    void recentAddressesAreMostRecentFirstDeduplicatedIgnoringCaseAndCapped() {
        Settings s = Settings.defaults()
                .withRecentAddress("vpn.example.com")
                .withRecentAddress("vpn2.example.com")
                .withRecentAddress("VPN.Example.com ");
        assertEquals(List.of("VPN.Example.com", "vpn2.example.com"), s.recentAddresses(),
                "the new spelling moves to the front, the old one goes");
        for (int i = 0; i < 15; i++) {
            s = s.withRecentAddress("server" + i + ".test");
        }
        assertEquals(Settings.MAX_RECENT, s.recentAddresses().size());
        assertEquals("server14.test", s.recentAddresses().get(0));
        assertEquals("server5.test", s.recentAddresses().get(9), "the oldest fell off");
        assertEquals(s, s.withRecentAddress("  "), "a blank address is not remembered");
        assertEquals(List.of(), s.recentDestinationNames(), "the two lists are separate");
    }

    @Test
    void recentDestinationNamesFollowTheSameRules() {
        Settings s = Settings.defaults().withRecentDestinationName("Office").withRecentDestinationName("Home")
                .withRecentDestinationName("office");
        assertEquals(List.of("office", "Home"), s.recentDestinationNames());
    }

    @Test
    void theConstructorRepairsWhatAFileMayHold() {
        List<String> many = new ArrayList<>(Arrays.asList("a", null, " ", "A", "b"));
        for (int i = 0; i < 20; i++) {
            many.add("x" + i);
        }
        Settings s = new Settings(many, null, ProxyMode.MANUAL, "  ", 70000, "", true, " ", 0, null);
        assertEquals(List.of("a", "b", "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7"), s.recentAddresses());
        assertEquals(List.of(), s.recentDestinationNames());
        assertEquals(ProxyMode.MANUAL, s.proxyMode());
        assertNull(s.proxyHost());
        assertNull(s.proxyPort(), "port out of range dropped");
        assertNull(s.proxyUser());
        assertNull(s.caFile());
        assertEquals(15, s.timeoutSeconds(), "timeout out of range: the default");
        assertEquals(ProxyMode.SYSTEM, new Settings(null, null, null, null, null, null, false, null, 15, null).proxyMode(),
                "no mode: the default");
    }

    @Test
    void withMethodsRejectBadInput() {
        Settings d = Settings.defaults();
        assertThrows(NullPointerException.class, () -> d.withProxy(null, "p", 1, null, false));
        assertThrows(IllegalArgumentException.class, () -> d.withProxy(ProxyMode.MANUAL, "p", 0, null, false));
        assertThrows(IllegalArgumentException.class, () -> d.withTimeoutSeconds(0));
        assertThrows(IllegalArgumentException.class, () -> d.withTimeoutSeconds(601));
        Settings manual = d.withProxy(ProxyMode.MANUAL, "proxy.corp", 3128, "alice", true).withTimeoutSeconds(30).withCaFile("/etc/ca.pem");
        assertEquals(ProxyMode.MANUAL, manual.proxyMode());
        assertEquals("proxy.corp", manual.proxyHost());
        assertEquals(3128, manual.proxyPort());
        assertEquals("alice", manual.proxyUser());
        assertEquals(true, manual.rememberPassword());
        assertEquals(30, manual.timeoutSeconds());
        assertEquals("/etc/ca.pem", manual.caFile());
    }

    @Test
    void expectedCertificatesAreRememberedPerAddressAndBounded() {
        String sha = "AB".repeat(32);
        Settings s = Settings.defaults().withExpectedCertificate("VPN.example.com", sha);
        assertEquals(sha, s.expectedCertificate("vpn.example.com"));
        assertEquals("", s.expectedCertificate("other.example.com"));
        assertEquals("", s.withExpectedCertificate("vpn.example.com", "").expectedCertificate("vpn.example.com"));
        java.util.Map<String, String> junk = new java.util.LinkedHashMap<>();
        junk.put("a.example", "not hex");
        for (int i = 0; i < Settings.MAX_EXPECTED + 5; i++) {
            junk.put("host" + i + ".example", sha);
        }
        Settings repaired = new Settings(null, null, null, null, null, null, false, null, 15, junk);
        assertEquals(Settings.MAX_EXPECTED, repaired.expectedCertificates().size());
        assertEquals("", repaired.expectedCertificate("a.example"));
    }
}
