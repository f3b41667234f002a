package org.sstpdoctor.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetPolicyTest {
    private static final TargetPolicy POLICY = TargetPolicy.of(List.of("vpn.example.com", "*.corp.example",
            "198.51.100.7", "203.0.113.0/24", "2001:db8:1::/48"));

    @ParameterizedTest
    @CsvSource({
        "vpn.example.com, true", "VPN.Example.COM, true", "vpn.example.com., true", "other.example.com, false",
        "a.corp.example, true", "a.b.corp.example, true", "corp.example, false", "evilcorp.example, false",
        "xcorp.example, false"})
    void names(String host, boolean allowed) {
        assertEquals(allowed, POLICY.allowsName(host));
    }

    @ParameterizedTest
    @CsvSource({
        "198.51.100.7, true", "198.51.100.8, false", "203.0.113.0, true", "203.0.113.255, true", "203.0.114.1, false",
        "2001:db8:1::1, true", "2001:db8:1:ffff::1, true", "2001:db8:2::1, false", "127.0.0.1, false"})
    void addresses(String address, boolean allowed) throws Exception {
        assertEquals(allowed, POLICY.allowsAddress(InetAddress.getByName(address)));
    }

    @Test
    void emptyMeansAny() throws Exception {
        TargetPolicy any = TargetPolicy.of(List.of());
        assertEquals(true, any.allowsAny());
        assertEquals(true, any.allowsName("anything.example"));
        assertEquals(true, any.allowsAddress(InetAddress.getByName("192.0.2.1")));
        assertEquals("any target", any.toString());
    }

    @ParameterizedTest
    @CsvSource({"'*'", "'*.'", "'a*.example'", "'10.0.0.0/40'", "'10.0.0.0/x'", "'not a host'", "'::1/129'", "''"})
    void badEntriesAreRefused(String entry) {
        assertThrows(IllegalArgumentException.class, () -> TargetPolicy.of(List.of(entry)));
    }

    @Test
    void literalNeverLooksANameUp() {
        assertEquals(null, TargetPolicy.literal("localhost"));
        assertEquals(null, TargetPolicy.literal("999.1.1.1"));
        assertEquals(null, TargetPolicy.literal("abc:"));
    }
}
