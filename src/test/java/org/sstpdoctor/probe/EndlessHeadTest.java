package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** Answers whose head never ends are named for what they are, not as a closed connection. */
class EndlessHeadTest {
    @Test
    void endless102ProcessingIsAHeadThatWasTooLong() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.ENDLESS_102, TestCertificates.valid()))) {
            ProbeReport report = TestProbes.probe().run(TestProbes.local(server.port()).withTimeout(Duration.ofSeconds(5)));
            assertEquals(Outcome.MALFORMED_HTTP_RESPONSE, report.outcome(), report.detail());
            assertEquals(AnsweredBy.SERVER, report.answeredBy());
            assertTrue(report.detail().contains("the answer's head was too long"), report.detail());
        }
    }

    @Test
    void aProxyWithEndlessHeadersIsAHeadThatWasTooLong() throws Exception {
        try (SstpResponder proxy = SstpResponder.start(ResponderConfig.loopback(Scenario.ENDLESS_PROXY_HEADERS, null))) {
            ProbeReport report = TestProbes.probe().run(TestProbes.local(9).withTimeout(Duration.ofSeconds(5))
                    .withProxy(ProxySettings.manual(ProxyAddressParser.parse("localhost:" + proxy.port()))));
            assertEquals(Outcome.PROXY_BAD_REPLY, report.outcome(), report.detail());
            assertEquals(AnsweredBy.PROXY, report.answeredBy());
            assertTrue(report.detail().contains("the answer's head was too long"), report.detail());
        }
    }
}
