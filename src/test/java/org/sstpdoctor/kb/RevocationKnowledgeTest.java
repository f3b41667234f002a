package org.sstpdoctor.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.Outcome;

/** What the knowledge base says about revocation and about a proxy's own errors (issue 11). */
class RevocationKnowledgeTest {
    static final KnowledgeBase KB = KnowledgeBase.builtIn();

    static String helpdesk(String id) {
        return String.join(" ", KB.byId(id).orElseThrow(() -> new AssertionError(id)).helpdesk().steps());
    }

    @Test
    void theRegistrySwitchIsALastResortWithItsRisk() {
        for (String id : List.of("outcome-revocation_offline", "outcome-revocation_ldap_only", "error-0x80092013")) {
            String steps = helpdesk(id);
            assertTrue(steps.contains("NoCertRevocationCheck") && steps.contains("SstpSvc\\Parameters"), id);
            assertTrue(steps.contains("Last resort") && steps.contains("revoked or stolen"), id + ": " + steps);
        }
        assertTrue(helpdesk("outcome-revocation_revoked").contains("Never use NoCertRevocationCheck"));
    }

    @Test
    void theWindowsCodesPeopleComeWithLeadToTheRevocationEntries() {
        assertEquals(List.of("error-0x80092010"), KB.forWindowsError("0x80092010").stream().map(KbEntry::id).toList());
        assertEquals(List.of("error-0x80092010"), KB.forWindowsError("CRYPT_E_REVOKED").stream().map(KbEntry::id).toList());
        assertTrue(KB.byId("error-0x80092013").orElseThrow().probeOutcomes().contains("revocation_offline"));
        assertTrue(KB.byId("error-0x80092012").orElseThrow().probeOutcomes().contains("revocation_no_info"));
    }

    @Test
    void helpdeskStepsSayHowToPublishAndCheckACrl() {
        assertTrue(helpdesk("outcome-revocation_offline").contains("reachable from the internet"));
        assertTrue(helpdesk("outcome-revocation_offline").contains("certutil -verify -urlfetch"));
        assertTrue(helpdesk("outcome-revocation_crl_stale").contains("certutil -crl"));
    }

    @Test
    void eachProxyErrorHasItsOwnEntryAboutTheProxy() {
        for (Outcome o : List.of(Outcome.PROXY_TARGET_REFUSED, Outcome.PROXY_TARGET_TIMEOUT, Outcome.PROXY_TARGET_NOT_FOUND,
                Outcome.PROXY_TARGET_UNREACHABLE, Outcome.PROXY_POLICY_DENIED, Outcome.PROXY_NOT_A_PROXY, Outcome.PROXY_SILENT)) {
            KbEntry e = KB.forOutcome(o).orElseThrow(() -> new AssertionError(o.id()));
            assertTrue(e.endUser().explanation().toLowerCase().contains("proxy"), e.id());
            assertTrue(!e.references().isEmpty(), e.id());
        }
        assertTrue(KB.forOutcome(Outcome.PROXY_TARGET_REFUSED).orElseThrow().helpdesk().steps().stream()
                .anyMatch(s -> s.contains("not a full or busy VPN server")), "not the old port-limit advice");
    }
}
