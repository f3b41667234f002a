package org.sstpdoctor.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sstpdoctor.ppp.AuthProtocol;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SignInBehaviour;
import org.sstpdoctor.responder.SignInConfig;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.sstp.CryptoBindingRequest;
import org.sstpdoctor.sstp.SstpCodec;
import org.sstpdoctor.sstp.SstpPacket;
import org.sstpdoctor.testing.TestCertificates;

/**
 * The sign-in client against the responder's PPP side, over a real TLS connection but without the
 * probe around it: each behaviour of the server ends in its own classified result.
 */
class SignInClientTest {
    static final String USER = "alice";
    static final String PASSWORD = "correct horse 7";

    static SignInResult signIn(SignInConfig server, String password, int hashBitmask) throws IOException {
        ResponderConfig config = ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid())
                .withHashBitmask(hashBitmask).withNegotiationTimeout(Duration.ofSeconds(5));
        try (SstpResponder responder = SstpResponder.start(config, server)) {
            HandshakeCertificates trust = new HandshakeCertificates.Builder()
                    .addTrustedCertificate(TestCertificates.CA.certificate()).build();
            try (SSLSocket socket = (SSLSocket) trust.sslSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), responder.port())) {
                socket.startHandshake();
                byte[] leaf = certificate(socket);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(("SSTP_DUPLEX_POST /sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 18446744073709551615\r\nSSTPCORRELATIONID: {1}\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                readHead(in);
                SstpCodec.write(out, ControlPacket.callConnectRequest());
                socket.setSoTimeout(3000);
                CryptoBindingRequest request = null;
                while (request == null) {
                    SstpPacket packet = SstpCodec.read(in).orElseThrow();
                    if (packet instanceof ControlPacket c) {
                        request = c.cryptoBindingRequest().orElseThrow();
                    }
                }
                StreamPacketChannel channel = new StreamPacketChannel(in, out, millis -> {
                    try {
                        socket.setSoTimeout((int) millis);
                    } catch (SocketException e) {
                        throw new IllegalStateException(e);
                    }
                });
                long origin = System.nanoTime();
                Credentials credentials = new Credentials(USER, Secret.of(password.toCharArray()), "CORP");
                return SignInClient.run(new SignInClient.Spec(credentials, request, leaf, 300, 1500), channel,
                        () -> (System.nanoTime() - origin) / 1e6, 8000, () -> false);
            }
        }
    }

    static SignInConfig server(SignInBehaviour behaviour) {
        return SignInConfig.of(USER, Secret.of(PASSWORD.toCharArray())).withBehaviour(behaviour);
    }

    private static byte[] certificate(SSLSocket socket) throws IOException {
        try {
            return socket.getSession().getPeerCertificates()[0].getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("no head");
            }
            head.write(b);
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthProtocol.class, names = {"MSCHAP_V2", "PAP", "EAP"})
    void signsInWithEachProtocolAndGetsAnAddress(AuthProtocol auth) throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.WORKING).withAuth(auth), PASSWORD, 0x02);
        assertEquals(SignInStatus.SIGNED_IN, result.status(), result.detail());
        assertEquals("10.77.0.2", result.address());
        assertEquals(List.of("10.77.0.53", "10.77.0.53"), result.dnsServers());
        assertEquals(auth.displayName(), result.authProtocol());
        assertEquals("SHA-256", result.hashProtocol());
        assertEquals("LCP Terminate acknowledged; CALL_DISCONNECT acknowledged", result.ending());
        assertEquals("CORP\\alice", result.user());
        assertEquals(List.of(SignInStep.LINK, SignInStep.AUTHENTICATION, SignInStep.CRYPTO_BINDING, SignInStep.ADDRESS,
                SignInStep.HANG_UP), result.steps().stream().map(StepTiming::step).toList());
        assertEquals(auth != AuthProtocol.MSCHAP_V2, !result.notes().isEmpty(), result.notes().toString());
    }

    @Test
    void sha1OnlyServerVerifiesTheSha1Binding() throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.WORKING), PASSWORD, 0x01);
        assertEquals(SignInStatus.SIGNED_IN, result.status(), result.detail());
        assertEquals("SHA-1", result.hashProtocol());
    }

    @Test
    void wrongPasswordIs691() throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.WORKING), "wrong", 0x02);
        assertEquals(SignInStatus.WRONG_CREDENTIALS, result.status());
        assertEquals(691, result.serverErrorCode());
        assertEquals(SignInStep.AUTHENTICATION, result.failedStep());
        assertEquals("The user name or password is incorrect.", result.serverMessage());
        assertTrue(result.ending().contains("CALL_DISCONNECT acknowledged"), result.ending());
    }

    @Test
    void papWrongPasswordIsRejectedToo() throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.WORKING).withAuth(AuthProtocol.PAP), "wrong", 0x02);
        assertEquals(SignInStatus.WRONG_CREDENTIALS, result.status());
    }

    @Test
    void policyRefusalCarriesTheServersMessage() throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.POLICY_REFUSAL), PASSWORD, 0x02);
        assertEquals(SignInStatus.REFUSED, result.status());
        assertEquals(649, result.serverErrorCode());
        assertTrue(result.serverMessage().startsWith("Your account does not have permission"), result.serverMessage());
    }

    @Test
    void noAddress() throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.NO_ADDRESS), PASSWORD, 0x02);
        assertEquals(SignInStatus.NO_ADDRESS, result.status());
        assertEquals(SignInStep.ADDRESS, result.failedStep());
    }

    @Test
    void rejectedBinding() throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.REJECT_BINDING), PASSWORD, 0x03);
        assertEquals(SignInStatus.BINDING_REJECTED, result.status(), result.detail());
        assertTrue(result.detail().contains("CALL_ABORT"), result.detail());
    }

    @Test
    void silenceAfterAuthenticationIsNamedByStep() throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.SILENT_AFTER_AUTH), PASSWORD, 0x02);
        assertEquals(SignInStatus.NO_ANSWER, result.status());
        assertEquals(SignInStep.ADDRESS, result.failedStep());
    }

    @Test
    void authProtocolMismatchNamesTheProtocol() throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.AUTH_PROTOCOL_MISMATCH), PASSWORD, 0x02);
        assertEquals(SignInStatus.AUTH_PROTOCOL_MISMATCH, result.status());
        assertTrue(result.detail().contains("CHAP with MD5"), result.detail());
        assertEquals(SignInStep.LINK, result.failedStep());
    }

    /** The reverse: the client's MS-CHAP v2 is what the server does not accept (it allows PAP only). */
    @Test
    void aServerThatDoesNotAllowMsChapV2NamesBothProtocols() throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.MSCHAPV2_NOT_ALLOWED), PASSWORD, 0x02);
        assertEquals(SignInStatus.AUTH_PROTOCOL_MISMATCH, result.status(), result.detail());
        assertTrue(result.detail().contains("PAP") && result.detail().contains("MS-CHAP v2"), result.detail());
        assertEquals("MS-CHAP v2 is not allowed", result.serverMessage());
        assertEquals(SignInStep.LINK, result.failedStep());
    }

    @Test
    void lcpThatNeverConverges() throws IOException {
        SignInResult result = signIn(server(SignInBehaviour.LCP_NEVER_CONVERGES), PASSWORD, 0x02);
        assertEquals(SignInStatus.LCP_NOT_CONVERGING, result.status(), result.detail());
    }

    @Test
    void passwordNeverInTheResult() throws IOException {
        for (SignInBehaviour behaviour : SignInBehaviour.values()) {
            SignInResult result = signIn(server(behaviour), PASSWORD, 0x02);
            assertFalse(result.toString().contains(PASSWORD), behaviour.name());
            assertFalse(Optional.ofNullable(result.detail()).orElse("").contains(PASSWORD));
        }
    }
}
