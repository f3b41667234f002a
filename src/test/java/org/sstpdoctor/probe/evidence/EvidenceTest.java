package org.sstpdoctor.probe.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.testing.TestCertificates;

class EvidenceTest {
    private static HttpReply reply(int code, String reason, String... headers) {
        java.util.List<Header> list = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            list.add(new Header(headers[i], headers[i + 1]));
        }
        return new HttpReply("HTTP/1.1 " + code + (reason.isEmpty() ? "" : " " + reason), "HTTP/1.1", code, reason,
                list, "", 0);
    }

    @Test
    void cryptoBindingHashesAreOverTheDerOfTheLeaf() throws Exception {
        var cert = TestCertificates.CA.certificate();
        CryptoBinding binding = CryptoBinding.of(cert, "");
        assertEquals(64, binding.sha256().length());
        assertEquals(40, binding.sha1().length());
        // The RFC 6234 SHA-256 of the DER, computed independently.
        String independent = java.util.HexFormat.of().withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        assertEquals(independent, binding.sha256());
        assertEquals(Optional.empty(), binding.matches());
        assertEquals(Optional.of(true), CryptoBinding.of(cert, binding.sha256()).matches());
        assertEquals(Optional.of(true), CryptoBinding.of(cert, binding.sha1()).matches(), "a Windows SHA-1 thumbprint");
        assertEquals(Optional.of(false), CryptoBinding.of(cert, "00".repeat(32)).matches());
    }

    @Test
    void fingerprintsAreAcceptedAsPeoplePasteThem() {
        String hex = "AB".repeat(32);
        assertEquals(Optional.of(hex), CryptoBinding.normalise("ab:".repeat(31) + "ab"));
        assertEquals(Optional.of(hex), CryptoBinding.normalise("SHA256:" + "ab ".repeat(32)));
        assertEquals(Optional.of("12".repeat(20)), CryptoBinding.normalise("12".repeat(20)));
        assertEquals(Optional.empty(), CryptoBinding.normalise("not a hash"));
        assertEquals(Optional.empty(), CryptoBinding.normalise("AB".repeat(31)));
        assertEquals("AB:CD", CryptoBinding.withColons("ABCD"));
    }

    @Test
    void inspectionProductsAreRecognisedFromTheIssuer() {
        assertEquals("Zscaler Internet Access SSL inspection", InspectionProducts.recognise(
                List.of("CN=Zscaler Intermediate Root CA (zscalertwo.net), O=Zscaler Inc.")).orElseThrow().name());
        assertTrue(InspectionProducts.recognise(List.of("CN=FortiGate CA, O=Fortinet")).isPresent());
        assertTrue(InspectionProducts.recognise(List.of("CN=Let's Encrypt R3, O=Let's Encrypt")).isEmpty());
        InspectionProducts.KNOWN.forEach(p -> assertTrue(p.source().startsWith("https://"), p.name()));
    }

    @Test
    void proxyMarksShowWhoWroteTheAnswer() {
        HttpReply squid411 = reply(411, "Length Required", "Server", "squid/5.7", "X-Squid-Error", "ERR_INVALID_REQ 0",
                "Via", "1.1 proxy (squid/5.7)");
        assertTrue(ProxyMarks.writtenByProxy(squid411));
        assertEquals(3, ProxyMarks.of(squid411).size());
        assertFalse(ProxyMarks.writtenByProxy(reply(200, "", "Server", "Microsoft-HTTPAPI/2.0")));
        assertFalse(ProxyMarks.writtenByProxy(reply(200, "OK", "Via", "1.1 lb")), "a Via alone is passed through");
    }

    @Test
    void clockSkewFromDateHeaders() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        ClockSkew behind = ClockSkew.compare("the server", "Thu, 03 Dec 2026 14:00:00 GMT", now).orElseThrow();
        assertTrue(behind.significant());
        assertEquals(Duration.ofHours(50), behind.skew());
        assertEquals("this computer's clock is 2 days 2 hours behind the server's (Date: Thu, 03 Dec 2026 14:00:00 GMT)",
                behind.describe());
        ClockSkew close = ClockSkew.compare("the proxy", "Tue, 01 Dec 2026 12:02:00 GMT", now).orElseThrow();
        assertFalse(close.significant());
        assertTrue(ClockSkew.compare("the server", "Tuesday, 01-Dec-26 11:00:00 GMT", now).orElseThrow().significant());
        assertTrue(ClockSkew.compare("the server", "Tue Dec  1 11:00:00 2026", now).isPresent());
        assertTrue(ClockSkew.compare("the server", "yesterday", now).isEmpty());
    }

    @Test
    void captivePortalFromARedirectAPageOrA511() {
        CaptivePortal redirect = CaptivePortal.fromReply(reply(302, "Found", "Location", "http://wifi.hotel.example/login"),
                "the proxy").orElseThrow();
        assertEquals("http://wifi.hotel.example/login", redirect.pageAddress());
        HttpReply page = new HttpReply("HTTP/1.1 200 OK", "HTTP/1.1", 200, "OK", List.of(new Header("Content-Type", "text/html")),
                "<html><head><meta http-equiv=\"refresh\" content=\"0; url=https://portal.example/auth\"></head></html>", 0);
        assertEquals("https://portal.example/auth", CaptivePortal.fromReply(page, "the proxy").orElseThrow().pageAddress());
        assertTrue(CaptivePortal.fromReply(reply(511, "Network Authentication Required"), "the network").isPresent());
        assertTrue(CaptivePortal.fromReply(reply(403, "Forbidden", "X-Squid-Error", "ERR_ACCESS_DENIED"), "the proxy").isEmpty());
        assertTrue(CaptivePortal.fromReply(reply(200, "Connection established"), "the proxy").isEmpty());
        assertEquals("http://10.0.0.1/login", CaptivePortal.fromPlainText(
                "HTTP/1.1 302 Moved\r\nLocation: http://10.0.0.1/login\r\n\r\n", "the network").orElseThrow().pageAddress());
    }

    @Test
    void serversAreIdentifiedByBehaviourHedged() {
        assertEquals("Windows RRAS", ServerIdentity.identify(reply(200, "", "Server", "Microsoft-HTTPAPI/2.0"), "SHA-256")
                .orElseThrow().product());
        assertEquals("SoftEther VPN", ServerIdentity.identify(reply(200, "OK", "Server", "Microsoft-HTTPAPI/2.0"), "SHA-256")
                .orElseThrow().product());
        assertEquals("accel-ppp", ServerIdentity.identify(reply(200, "OK"), "SHA-256 + SHA-1").orElseThrow().product());
        assertEquals("MikroTik RouterOS", ServerIdentity.identify(reply(200, "", "Server", "MikroTik-SSTP"), "")
                .orElseThrow().product());
        ServerIdentity lb = ServerIdentity.identify(reply(400, "Bad Request", "Server", "nginx"), "").orElseThrow();
        assertTrue(lb.describe().startsWith("looks like a web server or HTTP load balancer"), lb.describe());
    }

    @Test
    void aSecondLookOnlyWhenTheFirstAnswersLeaveItOpen() {
        HttpReply rras = reply(200, "", "Server", "Microsoft-HTTPAPI/2.0");
        HttpReply ok = reply(200, "OK", "Server", "Microsoft-HTTPAPI/2.0");
        assertFalse(ServerIdentity.worthASecondLook(rras, "SHA-256 + SHA-1"), "Windows' bare 200 tells");
        assertFalse(ServerIdentity.worthASecondLook(ok, "SHA-256"), "SoftEther's 200 OK with SHA-256 only tells");
        assertTrue(ServerIdentity.worthASecondLook(ok, "SHA-256 + SHA-1"), "an imitation of Windows, but which?");
        assertTrue(ServerIdentity.worthASecondLook(reply(404, "Not Found", "Server", "Microsoft-HTTPAPI/2.0"), ""));
        assertFalse(ServerIdentity.worthASecondLook(reply(501, "Not Implemented", "Server", "Microsoft-HTTPAPI/2.0"), ""),
                "SoftEther with SSTP off tells");
        assertFalse(ServerIdentity.worthASecondLook(reply(200, "OK"), "SHA-256 + SHA-1"), "accel-ppp's defaults tell");
        assertTrue(ServerIdentity.worthASecondLook(reply(200, "OK"), "SHA-256"));
        assertFalse(ServerIdentity.worthASecondLook(reply(400, "Bad Request", "Server", "nginx"), ""));
        assertFalse(ServerIdentity.worthASecondLook(reply(200, "", "Server", "MikroTik-SSTP"), ""));
        assertFalse(ServerIdentity.worthASecondLook(null, ""));
    }

    @Test
    void theSecondLookSettlesIt() {
        HttpReply ok = reply(200, "OK", "Server", "Microsoft-HTTPAPI/2.0");
        String get = SecondLook.request("vpn.example.com", 443);
        assertEquals("GET / HTTP/1.1\r\nHost: vpn.example.com\r\nConnection: close\r\n\r\n", get);
        assertEquals("GET / HTTP/1.1\r\nHost: [2001:db8::1]:4443\r\nConnection: close\r\n\r\n",
                SecondLook.request("2001:db8::1", 4443));
        ServerIdentity softEther = ServerIdentity.refine(ok, "SHA-256 + SHA-1",
                new SecondLook.Answer(get, reply(403, "Forbidden"), "")).orElseThrow();
        assertEquals("SoftEther VPN", softEther.product());
        assertEquals("GET / answered 403 Forbidden (no Server header)", softEther.secondLook());
        ServerIdentity imitator = ServerIdentity.refine(ok, "SHA-256 + SHA-1",
                new SecondLook.Answer(get, reply(404, "Not Found", "Server", "Microsoft-HTTPAPI/2.0"), "")).orElseThrow();
        assertTrue(imitator.product().startsWith("a server imitating Windows"), imitator.product());
        ServerIdentity httpSys = ServerIdentity.refine(reply(404, "Not Found", "Server", "Microsoft-HTTPAPI/2.0"), "",
                new SecondLook.Answer(get, reply(404, "Not Found", "Server", "Microsoft-HTTPAPI/2.0"), "")).orElseThrow();
        assertTrue(httpSys.product().startsWith("Windows (HTTP.sys) with no SSTP service"), httpSys.product());
        ServerIdentity busy = ServerIdentity.refine(reply(503, "Service Unavailable", "Server", "Microsoft-HTTPAPI/2.0"), "",
                new SecondLook.Answer(get, reply(404, "Not Found", "Server", "Microsoft-HTTPAPI/2.0"), "")).orElseThrow();
        assertEquals("Windows RRAS, refusing the SSTP request with 503", busy.product(), "there, not absent");
        ServerIdentity accel = ServerIdentity.refine(reply(200, "OK"), "SHA-256",
                new SecondLook.Answer(get, reply(404, "Not Found"), "")).orElseThrow();
        assertEquals("accel-ppp", accel.product());
        ServerIdentity shared = ServerIdentity.refine(ok, "SHA-256 + SHA-1",
                new SecondLook.Answer(get, reply(200, "OK", "Server", "Microsoft-IIS/10.0"), "")).orElseThrow();
        assertTrue(shared.product().contains("sharing the port with a web server (Microsoft-IIS/10.0)"), shared.product());
        ServerIdentity silent = ServerIdentity.refine(ok, "SHA-256 + SHA-1",
                new SecondLook.Answer(get, null, "the server closed the connection without an answer")).orElseThrow();
        assertTrue(silent.because().contains("GET / got no answer"), silent.because());
    }
}
