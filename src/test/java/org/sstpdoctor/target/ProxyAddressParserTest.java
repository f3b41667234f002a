package org.sstpdoctor.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyAddressParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "proxy.corp:3128            | proxy.corp   | 3128 | DNS_NAME",
        "http://proxy.corp:8080/    | proxy.corp   | 8080 | DNS_NAME",
        "HTTP://Proxy.Corp:8080     | proxy.corp   | 8080 | DNS_NAME",
        "10.0.0.1:8080              | 10.0.0.1     | 8080 | IPV4",
        "[::1]:3128                 | ::1          | 3128 | IPV6"})
    void validProxies(String typed, String host, int port, HostKind kind) throws InputException {
        ProxyEndpoint p = ProxyAddressParser.parse(typed);
        assertEquals(host, p.asciiHost());
        assertEquals(port, p.port());
        assertEquals(kind, p.kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "proxy.corp                | proxy port | Add the proxy's port",
        "[::1]                     | proxy port | [::1]:8080",
        "https://proxy.corp:443    | proxy      | HTTPS",
        "socks5://proxy.corp:1080  | proxy      | SOCKS",
        "socks://proxy.corp:1080   | proxy      | SOCKS",
        "ftp://proxy.corp:21       | proxy      | ftp://",
        "http://u:p@proxy.corp:80  | proxy      | user name",
        "proxy.corp:3128/path      | proxy      | without a path",
        "proxy.corp:0              | proxy port | you typed 0",
        "proxy .corp:80            | proxy      | space",
        "proxy.corp:               | proxy port | no port follows"})
    void invalidProxies(String typed, String field, String mustContain) {
        InputException e = assertThrows(InputException.class, () -> ProxyAddressParser.parse(typed));
        assertEquals(field, e.field().label(), e.getMessage());
        assertTrue(e.getMessage().contains(mustContain), e.getMessage());
    }

    @Test
    void proxyCredentialsInTheAddressAreNeverEchoed() {
        InputException e = assertThrows(InputException.class, () -> ProxyAddressParser.parse("http://bob:hunter2@proxy:3128"));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void separateFields() throws InputException {
        ProxyEndpoint p = ProxyAddressParser.parse("proxy.corp", "3128");
        assertEquals("proxy.corp:3128", p.toString());
        assertEquals("[::1]:8080", ProxyAddressParser.parse("[::1]", "8080").toString());
        assertEquals(InputField.PROXY_PORT, assertThrows(InputException.class, () -> ProxyAddressParser.parse("proxy.corp", "x")).field());
        assertEquals(InputField.PROXY, assertThrows(InputException.class, () -> ProxyAddressParser.parse("proxy.corp:80", "80")).field());
        assertEquals(InputField.PROXY, assertThrows(InputException.class, () -> ProxyAddressParser.parse("", "80")).field());
    }

    @Test
    void userNames() throws InputException {
        assertEquals("CORP\\bob", ProxyAddressParser.parseUser(" CORP\\bob "));
        assertEquals("bob@corp.example", ProxyAddressParser.parseUser("bob@corp.example"));
        assertThrows(InputException.class, () -> ProxyAddressParser.parseUser(""));
        assertThrows(InputException.class, () -> ProxyAddressParser.parseUser(null));
        assertThrows(InputException.class, () -> ProxyAddressParser.parseUser("bob:pw"));
        assertThrows(InputException.class, () -> ProxyAddressParser.parseUser("bob\u0000"));
        assertThrows(InputException.class, () -> ProxyAddressParser.parseUser("b".repeat(300)));
    }
}
