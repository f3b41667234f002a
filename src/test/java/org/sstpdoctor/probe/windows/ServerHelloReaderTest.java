package org.sstpdoctor.probe.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.windows.WindowsCompatibility.Status;

/** Answers written by hand from RFC 8446 4.1.3 / 6 and RFC 5246 7.4.1.3, one byte at a time. */
class ServerHelloReaderTest {
    private static HelloAnswer read(String spacedHex) throws IOException {
        return ServerHelloReader.read(new ByteArrayInputStream(HexFormat.of().parseHex(spacedHex.replaceAll("\\s+", ""))));
    }

    private static final String RANDOM = "11".repeat(32);

    @Test
    void tls10ServerHelloForWindows7() throws IOException {
        HelloAnswer answer = read("16 0301 002a 02 000026 0301" + RANDOM + "00 c014 00");
        assertEquals(HelloAnswer.Kind.SERVER_HELLO, answer.kind());
        assertEquals(TlsNames.TLS_1_0, answer.version());
        assertEquals(0xC014, answer.suite());
        var row = CompatibilityCheck.row(WindowsFamily.WINDOWS_7, answer, false, List.of(answer),
                new CompatibilityCheck.JavaHandshake("", ""));
        assertEquals("Windows 7: yes, TLS 1.0", row.line());
    }

    @Test
    void tls13ServerHelloTakesItsVersionFromSupportedVersions() throws IOException {
        // extensions: supported_versions 0304, key_share x25519 with a 32-byte key
        String ext = "002b 0002 0304" + "0033 0024 001d 0020" + "22".repeat(32);
        String body = "0303" + RANDOM + "00 1302 00 002e" + ext;
        HelloAnswer answer = read("16 0303 005a 02 000056 " + body);
        assertEquals(HelloAnswer.Kind.SERVER_HELLO, answer.kind(), answer.detail());
        assertEquals(TlsNames.TLS_1_3, answer.version());
        assertEquals(0x1302, answer.suite());
        assertEquals(TlsNames.X25519, answer.group());
    }

    @Test
    void helloRetryRequestForP521IsANoForEveryWindows() throws IOException {
        String hrrRandom = HexFormat.of().formatHex(ServerHelloReader.HELLO_RETRY_RANDOM);
        String ext = "002b 0002 0304" + "0033 0002 0019";
        HelloAnswer answer = read("16 0303 0038 02 000034 0303" + hrrRandom + "00 1301 00 000c" + ext);
        assertEquals(HelloAnswer.Kind.HELLO_RETRY, answer.kind(), answer.detail());
        assertEquals(TlsNames.SECP521R1, answer.group());
        var row = CompatibilityCheck.row(WindowsFamily.WINDOWS_11, answer, false, List.of(answer),
                new CompatibilityCheck.JavaHandshake("TLSv1.3", "TLS_AES_128_GCM_SHA256"));
        assertEquals(Status.NO, row.status());
        assertTrue(row.reason().contains("P-521"), row.reason());
    }

    @Test
    void helloRetryForP256IsAYes() throws IOException {
        String hrrRandom = HexFormat.of().formatHex(ServerHelloReader.HELLO_RETRY_RANDOM);
        HelloAnswer answer = read("16 0303 0038 02 000034 0303" + hrrRandom + "00 1301 00 000c"
                + "002b 0002 0304" + "0033 0002 0017");
        var row = CompatibilityCheck.row(WindowsFamily.WINDOWS_11, answer, false, List.of(answer),
                new CompatibilityCheck.JavaHandshake("", ""));
        assertEquals("Windows 11: yes, TLS 1.3 (after the server asks for a P-256 key share)", row.line());
    }

    @Test
    void handshakeSplitOverTwoRecordsIsReassembled() throws IOException {
        HelloAnswer answer = read("16 0303 0012 02 000026 0303" + "11".repeat(12)
                + "16 0303 0018" + "11".repeat(20) + "00 c02f 00");
        assertEquals(0xC02F, answer.suite(), answer.detail());
    }

    @Test
    void alertAndPlainHttpAndSilence() throws IOException {
        HelloAnswer alert = read("15 0303 0002 02 46");
        assertEquals(HelloAnswer.Kind.ALERT, alert.kind());
        assertEquals(70, alert.alert());
        assertTrue(alert.detail().contains("protocol_version"));
        HelloAnswer http = ServerHelloReader.read(new ByteArrayInputStream(
                "HTTP/1.1 302 Found\r\nLocation: http://login.example/\r\n\r\n".getBytes()));
        assertEquals(HelloAnswer.Kind.NOT_TLS, http.kind());
        assertTrue(http.detail().contains("HTTP/1.1 302 Found"), http.detail());
        assertEquals(HelloAnswer.Kind.CLOSED, ServerHelloReader.read(new ByteArrayInputStream(new byte[0])).kind());
    }

    @Test
    void chosenSuiteWindowsNeverOfferedIsANo() {
        HelloAnswer answer = new HelloAnswer(HelloAnswer.Kind.SERVER_HELLO, TlsNames.TLS_1_2, 0xCCA8, -1, -1, "");
        var row = CompatibilityCheck.row(WindowsFamily.WINDOWS_10, answer, false, List.of(answer),
                new CompatibilityCheck.JavaHandshake("", ""));
        assertEquals(Status.NO, row.status());
        assertTrue(row.reason().contains("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"), row.reason());
    }
}
