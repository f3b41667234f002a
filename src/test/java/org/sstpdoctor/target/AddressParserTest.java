package org.sstpdoctor.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AddressParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // typed                                                       | ascii host               | display             | port | kind
        "vpn.example.com                                               | vpn.example.com          | vpn.example.com     | 443  | DNS_NAME",
        "VPN.Example.COM                                               | vpn.example.com          | vpn.example.com     | 443  | DNS_NAME",
        "vpn.example.com.                                              | vpn.example.com          | vpn.example.com     | 443  | DNS_NAME",
        "  vpn.example.com\t                                           | vpn.example.com          | vpn.example.com     | 443  | DNS_NAME",
        "vpn.example.com:4443                                          | vpn.example.com          | vpn.example.com     | 4443 | DNS_NAME",
        "https://vpn.example.com/                                      | vpn.example.com          | vpn.example.com     | 443  | DNS_NAME",
        "HTTPS://vpn.example.com:8443                                  | vpn.example.com          | vpn.example.com     | 8443 | DNS_NAME",
        "sstp://vpn.example.com                                        | vpn.example.com          | vpn.example.com     | 443  | DNS_NAME",
        "https://vpn.example.com/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ | vpn.example.com    | vpn.example.com     | 443  | DNS_NAME",
        "https://vpn.example.com/sra_%7BBA195980-CD49-458B-9E23-C84EE0ADCD75%7D | vpn.example.com | vpn.example.com     | 443  | DNS_NAME",
        "\"vpn.example.com\"                                           | vpn.example.com          | vpn.example.com     | 443  | DNS_NAME",
        "<vpn.example.com>                                             | vpn.example.com          | vpn.example.com     | 443  | DNS_NAME",
        "vpnserver                                                     | vpnserver                | vpnserver           | 443  | DNS_NAME",
        "vpn_gw.corp.local                                             | vpn_gw.corp.local        | vpn_gw.corp.local   | 443  | DNS_NAME",
        "203.0.113.10                                                  | 203.0.113.10             | 203.0.113.10        | 443  | IPV4",
        "203.0.113.10:443                                              | 203.0.113.10             | 203.0.113.10        | 443  | IPV4",
        "[2001:db8::1]:4443                                            | 2001:db8::1              | 2001:db8::1         | 4443 | IPV6",
        "[2001:DB8:0:0:0:0:0:1]                                        | 2001:db8::1              | 2001:db8::1         | 443  | IPV6",
        "2001:db8::1                                                   | 2001:db8::1              | 2001:db8::1         | 443  | IPV6",
        "2001:db8::1:443                                               | 2001:db8::1:443          | 2001:db8::1:443     | 443  | IPV6",
        "::1                                                           | ::1                      | ::1                 | 443  | IPV6",
        "https://[::1]:8443/                                           | ::1                      | ::1                 | 8443 | IPV6",
        "::ffff:192.0.2.1                                              | ::ffff:c000:201          | ::ffff:c000:201     | 443  | IPV6",
        "2001:db8:0:0:1:0:0:1                                          | 2001:db8::1:0:0:1        | 2001:db8::1:0:0:1   | 443  | IPV6",
        "тест.рф                                                       | xn--e1aybc.xn--p1ai      | тест.рф             | 443  | DNS_NAME",
        "bücher.example                                                | xn--bcher-kva.example    | bücher.example      | 443  | DNS_NAME",
        "１２７.０.０.１                                                 | 127.0.0.1                | 127.0.0.1           | 443  | IPV4"})
    void validAddresses(String typed, String ascii, String display, int port, HostKind kind) throws InputException {
        Target t = AddressParser.parse(typed);
        assertEquals(ascii, t.asciiHost());
        assertEquals(display, t.displayHost());
        assertEquals(port, t.port());
        assertEquals(kind, t.kind());
    }

    static Stream<Arguments> invalidAddresses() {
        return Stream.of(
                Arguments.of(null, "address", "Type the VPN server's Internet address"),
                Arguments.of("", "address", "Type the VPN server's Internet address"),
                Arguments.of("   ", "address", "Type the VPN server's Internet address"),
                Arguments.of("\"\"", "address", "Type the VPN server's Internet address"),
                Arguments.of("http://vpn.example.com", "address", "HTTPS"),
                Arguments.of("ftp://vpn.example.com", "address", "ftp://"),
                Arguments.of("https:/vpn.example.com", "address", "missing slash"),
                Arguments.of("vpn.example.com://", "address", "not an address an SSTP VPN uses"),
                Arguments.of("vpn.example.com/owa", "address", "without the path"),
                Arguments.of("vpn.example.com?x=1", "address", "without"),
                Arguments.of("vpn.example.com#top", "address", "without"),
                Arguments.of("bob@vpn.example.com", "address", "user name"),
                Arguments.of("vpn example.com", "address", "space"),
                Arguments.of("vpn.example.com\u00A0x", "address", "space"),
                Arguments.of("vpn\u0000.example.com", "address", "invisible"),
                Arguments.of("vpn.example.com\r\nHost: evil", "address", "invisible"),
                Arguments.of("vpn\u200F.example.com", "address", "invisible"),
                Arguments.of("vpn.example.com,", "address", "ends with \",\""),
                Arguments.of("vpn.example.com;", "address", "ends with"),
                Arguments.of("\\\\vpn\\share", "address", "file share"),
                Arguments.of("vpn.example.com:", "port", "no port follows"),
                Arguments.of("vpn.example.com:0", "port", "you typed 0"),
                Arguments.of("vpn.example.com:65536", "port", "you typed 65536"),
                Arguments.of("vpn.example.com:99999", "port", "you typed 99999"),
                Arguments.of("vpn.example.com:-1", "port", "\"-1\""),
                Arguments.of("vpn.example.com:abc", "port", "\"abc\""),
                Arguments.of("vpn.example.com:443x", "port", "\"443x\""),
                Arguments.of("vpn.example.com:4430000000000", "port", "4430000000000"),
                Arguments.of("999.1.1.1", "address", "999 is more than 255"),
                Arguments.of("1.2.3", "address", "four numbers"),
                Arguments.of("1.2.3.4.5", "address", "four numbers"),
                Arguments.of("010.1.1.1", "address", "leading zero"),
                Arguments.of("1234", "address", "only a number"),
                Arguments.of("vpn.123", "address", "ends in a number"),
                Arguments.of("vpn..example.com", "address", "empty part"),
                Arguments.of(".vpn.example.com", "address", "empty part"),
                Arguments.of("-vpn.example.com", "address", "starts with a hyphen"),
                Arguments.of("xn--invalid-", "address", "ends with a hyphen"),
                Arguments.of("vpn!.example.com", "address", "\"!\""),
                Arguments.of("a".repeat(64) + ".com", "address", "at most 63"),
                Arguments.of(("a".repeat(60) + ".").repeat(5) + "com", "address", "at most 253"),
                Arguments.of("a".repeat(10_000), "address", "at most 2048"),
                Arguments.of("[::1", "address", "never closes"),
                Arguments.of("[::1]x", "address", "only \":port\""),
                Arguments.of("[]", "address", "empty"),
                Arguments.of("[::1]:", "port", "no port follows"),
                Arguments.of("[vpn.example.com]:443", "address", "only for IPv6"),
                Arguments.of("::::", "address", "only once"),
                Arguments.of("1:2:3:4:5:6:7:8:9", "address", "eight groups"),
                Arguments.of("2001:db8::g", "address", "hexadecimal"),
                Arguments.of("fe80::1%eth0", "address", "zone"),
                Arguments.of("vpn.😀.com", "address", "cannot be part of an Internet name"),
                Arguments.of("%00", "address", "\"%\""),
                Arguments.of("::vpn.vpn.vpn.vpn", "address", "must be a number"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @MethodSource("invalidAddresses")
    void invalidAddressesGetAPreciseMessage(String typed, String field, String mustContain) {
        InputException e = assertThrows(InputException.class, () -> AddressParser.parse(typed));
        assertEquals(field, e.field().label(), e.getMessage());
        assertTrue(e.getMessage().contains(mustContain), "message for " + typed + ": " + e.getMessage());
        assertTrue(e.getMessage().endsWith(".") || e.getMessage().endsWith(")"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, "short enough to read: " + e.getMessage());
        assertFalse(e.getMessage().contains("\u0000") || e.getMessage().contains("\r") || e.getMessage().contains("\n"),
                "control characters are never echoed");
    }

    @Test
    void passwordsAreNeverEchoed() {
        InputException e = assertThrows(InputException.class, () -> AddressParser.parse("https://user:secret@vpn.example.com"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertTrue(e.getMessage().contains("password"));
    }

    @Test
    void portFieldMustAgreeWithTheAddress() throws InputException {
        assertEquals(4443, AddressParser.parse("vpn.example.com", 4443).port());
        assertEquals(4443, AddressParser.parse("vpn.example.com:4443", 4443).port());
        InputException e = assertThrows(InputException.class, () -> AddressParser.parse("vpn.example.com:443", 4443));
        assertEquals(InputField.PORT, e.field());
        assertTrue(e.getMessage().contains("443") && e.getMessage().contains("4443"));
        assertThrows(InputException.class, () -> AddressParser.parse("vpn.example.com", 70000));
    }

    @ParameterizedTest
    @CsvSource({"443,443", " 8443 ,8443", "1,1", "65535,65535"})
    void portsAsText(String typed, int expected) throws InputException {
        assertEquals(expected, AddressParser.parsePort(typed, InputField.PORT));
    }

    @Test
    void targetForms() throws InputException {
        Target v6 = AddressParser.parse("[2001:db8::1]:4443");
        assertEquals("[2001:db8::1]", v6.hostForUrl());
        assertEquals("[2001:db8::1]:4443", v6.authority());
        assertEquals("https://[2001:db8::1]:4443/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/", v6.sstpUrl());
        assertEquals("[2001:db8::1]:4443", v6.toString());
        Target plain = AddressParser.parse("vpn.example.com");
        assertEquals("vpn.example.com", plain.authority());
        assertEquals("https://vpn.example.com/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/", plain.sstpUrl());
        assertEquals("тест.рф", AddressParser.parse("тест.рф").toString());
    }

    /** Whatever is typed, the parser answers with a Target or an InputException, never anything else. */
    @Test
    void hostileStringsOnlyEverGiveInputException() {
        List<String> nasty = new ArrayList<>(List.of("", " ", "\u0000", "\uFFFF", "\uD800", "[", "]", "[:]", "[::]:0", ":",
                "::", ":443", "@", "@:", "a@", "https://", "https://:443", "sstp://[", "//", "/", "\\", "%", "%%%",
                "..", ".", "-", "_", "a:b:c", "[1.2.3.4]", "1.2.3.4:", "256.256.256.256", "0.0.0.0", "0", "00",
                "\u202E" + "moc.elpmaxe", "xn--", "xn--a", "a.xn--", "\u3002", "example\u3002com", "a\u0301",
                "https://vpn.example.com:443:443", "[::1]:443:443", "[[::1]]", "[::1]]", "::1]", "1::2::3",
                "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "::ffff:999.1.1.1", "12345::", "😀", "😀:443",
                "vpn.example.com\u0085", "\u2028", "'", "\"", "<>", "<", "vpn.example.com:+443", "vpn.example.com:٤٤٣"));
        java.util.Random random = new java.util.Random(42);
        String alphabet = "ab.:[]/@%\\-_01 9\u00FC\u0000\u200F😀?#";
        int[] cps = alphabet.codePoints().toArray();
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(20);
            for (int j = 0; j < len; j++) {
                s.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            nasty.add(s.toString());
        }
        for (String s : nasty) {
            try {
                Target t = AddressParser.parse(s);
                assertTrue(t.port() >= 1 && t.port() <= 65535);
                assertFalse(t.asciiHost().isEmpty());
            } catch (InputException e) {
                assertFalse(e.getMessage().isBlank());
            } catch (RuntimeException e) {
                throw new AssertionError("'" + s + "' threw " + e, e);
            }
        }
    }
}
