package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.testing.TestProbes;

/** A proxy whose 407 page quotes the request, Proxy-Authorization and all: nothing of the password may be kept. */
class ReflectingProxyTest {
    @ParameterizedTest
    @ValueSource(strings = {"s3cr3t-Pa55word", "pässwörd&<é>", "p w:d/+=", "q7"})
    void theCredentialsAreScrubbedFromEveryCapturedByte(String password) throws Exception {
        String user = "alice";
        try (SstpResponder proxy = SstpResponder.start(ResponderConfig.loopback(Scenario.REFLECTING_PROXY, null))) {
            ProbeRequest request = TestProbes.local(9).withProxy(ProxySettings.manual(
                    ProxyAddressParser.parse("localhost:" + proxy.port())).withCredentials(user, Secret.of(password.toCharArray())));
            ProbeReport report = TestProbes.probe().run(request);
            ProbeReport retry = report.authenticatedRetry();
            assertTrue(retry != null && retry.proxyReplies().stream().anyMatch(ProxyReply::credentialsSent),
                    "the second attempt sent the credentials");
            String page = retry.proxyReplies().get(retry.proxyReplies().size() - 1).reply().bodyExcerpt();
            assertTrue(page.contains("CONNECT localhost:9"), "the page reflects the request: " + page);
            assertTrue(page.contains("[credentials removed]"), page);

            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            String latin1Password = new String(password.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            HostileTextTest.everyFormat(report).forEach((format, rendered) -> {
                for (String secret : new String[] {password, latin1Password, token, "Basic " + token, user + ":" + password}) {
                    assertFalse(rendered.contains(secret), format + " holds " + secret + ":\n" + rendered);
                }
                assertFalse(rendered.matches("(?s).*Proxy-Authorization: ?Basic.*"), format);
            });
            assertEquals(407, retry.proxyReplies().get(retry.proxyReplies().size() - 1).reply().code());
        }
    }
}
