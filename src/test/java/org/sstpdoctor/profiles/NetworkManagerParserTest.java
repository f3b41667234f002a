package org.sstpdoctor.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkManagerParserTest {
    static String fixture(String name) throws IOException {
        try (InputStream in = NetworkManagerParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void listKeepsOnlyVpnConnectionsAndUndoesTerseEscapes() throws IOException {
        List<NetworkManagerParser.Listed> l = NetworkManagerParser.vpnConnections(fixture("nmcli-list.txt"));
        assertEquals(List.of("Work SSTP", "Office OpenVPN", "Café : Paris"), l.stream().map(NetworkManagerParser.Listed::name).toList());
        assertEquals("8f0c2d1e-2222-4a5b-8c7d-1e2f3a4b5c6d", l.get(0).uuid());
    }

    @Test
    void sstpProfileGivesGatewayProxyAndCaButNeverThePassword() throws IOException {
        VpnProfile p = NetworkManagerParser.profile(fixture("nmcli-show-sstp.txt")).orElseThrow();
        assertEquals("Work SSTP", p.name());
        assertEquals("vpn.contoso.com", p.server());
        assertEquals("proxy.contoso.com:3128", p.proxy());
        assertEquals("/home/alice/certs/contoso-root.pem", p.caFile());
        assertEquals(VpnStrategy.Sstp.YES, p.sstp());
        assertEquals("NetworkManager", p.source());
    }

    @Test
    void otherVpnTypesAreNotOffered() throws IOException {
        assertTrue(NetworkManagerParser.profile(fixture("nmcli-show-openvpn.txt")).isEmpty());
        assertTrue(NetworkManagerParser.profile("garbage\n\u0000:::").isEmpty());
        assertTrue(NetworkManagerParser.profile("").isEmpty());
    }

    @Test
    void escapedCommasAndColonsAndNonAsciiValues() throws IOException {
        VpnProfile p = NetworkManagerParser.profile(fixture("nmcli-show-cafe.txt")).orElseThrow();
        assertEquals("Café : Paris", p.name());
        assertEquals("vpn.paris.example:8443", p.server());
        assertEquals("/etc/ssl/caf, é.pem", p.caFile());
        assertEquals("", p.proxy());
    }

    @Test
    void readerAsksNmcliWithBoundedQuestionsAndSurvivesFailures() throws IOException {
        String list = fixture("nmcli-list.txt");
        String sstp = fixture("nmcli-show-sstp.txt");
        String openvpn = fixture("nmcli-show-openvpn.txt");
        List<List<String>> asked = new ArrayList<>();
        List<VpnProfile> found = VpnProfiles.fromNmcli(args -> {
            asked.add(args);
            if (args.contains("NAME,UUID,TYPE")) {
                return list;
            }
            String uuid = args.get(args.size() - 1);
            if (uuid.startsWith("8f0c")) {
                return sstp;
            }
            if (uuid.startsWith("aa1b")) {
                throw new IOException("nmcli did not finish");
            }
            return openvpn;
        });
        assertEquals(List.of("Work SSTP"), found.stream().map(VpnProfile::name).toList());
        assertEquals(List.of("-t", "-f", "connection.id,vpn.service-type,vpn.data", "connection", "show", "uuid",
                "8f0c2d1e-2222-4a5b-8c7d-1e2f3a4b5c6d"), asked.get(1));
        assertEquals(List.of(), VpnProfiles.fromNmcli(args -> {
            throw new IOException("no NetworkManager");
        }));
        List<List<String>> late = new ArrayList<>();
        VpnProfiles.fromNmcli(args -> {
            late.add(args);
            return args.contains("NAME,UUID,TYPE") ? list : sstp;
        }, System.nanoTime() - 1);
        assertEquals(1, late.size(), "past the time budget only the list is asked for");
    }
}
