package org.sstpdoctor.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sstpdoctor.probe.Outcome;

class LookupTest {
    static final KnowledgeBase KB = KnowledgeBase.builtIn();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "407                         | http-407",
        "HTTP 404                    | http-404",
        "http status 503             | http-503",
        "0x80092013                  | error-0x80092013",
        "0X80092013                  | error-0x80092013",
        "80092013                    | error-0x80092013",
        "-2146885613                 | error-0x80092013",
        "2148081683                  | error-0x80092013",
        "CRYPT_E_REVOCATION_OFFLINE  | error-0x80092013",
        "crypt_e_revocation_offline  | error-0x80092013",
        "0x800B0109                  | error-0x800b0109",
        "800b0109                    | error-0x800b0109",
        "809                         | error-809",
        "error 809                   | error-809",
        "ERROR_VPN_TIMEOUT           | error-809",
        "event 4                     | event-rassstp-4",
        "Event ID 23                 | event-rassstp-23",
        "event4                      | event-rassstp-4",
        "proxy_auth_required         | outcome-proxy_auth_required",
        "outcome-sstp_ack            | outcome-sstp_ack"})
    void exactLookups(String query, String expectedFirst) {
        List<KbEntry> found = KB.lookup(query);
        assertFalse(found.isEmpty(), query);
        assertEquals(expectedFirst, found.get(0).id(), query + " -> " + found.stream().map(KbEntry::id).limit(5).toList());
    }

    @Test
    void unknownHttpCodesFallBackToTheirClass() {
        assertEquals("http-class-4xx", KB.lookup("469").get(0).id());
        assertEquals("http-class-5xx", KB.forHttpStatus(599 - 11).orElseThrow().id());
    }

    @Test
    void windowsCodeForms() {
        assertEquals(Set.of(0x80092013L), WindowsCodes.values("0x80092013"));
        assertEquals(Set.of(0x80092013L), WindowsCodes.values("-2146885613"));
        assertEquals(Set.of(0x80092013L), WindowsCodes.values("2148081683"));
        assertTrue(WindowsCodes.values("80092013").contains(0x80092013L));
        assertEquals(Set.of(809L), WindowsCodes.values("809"));
        assertEquals(Set.of(809L), WindowsCodes.values("Error code: 809"));
        assertEquals(Set.of(), WindowsCodes.values("0x"));
        assertEquals(Set.of(), WindowsCodes.values("0x123456789"));
        assertEquals(Set.of(), WindowsCodes.values("-99999999999"));
        assertEquals(Set.of(), WindowsCodes.values("hello"));
        assertTrue(WindowsCodes.isSymbol("CERT_E_EXPIRED"));
        assertFalse(WindowsCodes.isSymbol("0x800B0101"));
    }

    @Test
    void freeTextIsRankedByRelevance() {
        List<KbEntry> expired = KB.lookup("certificate expired");
        assertFalse(expired.isEmpty());
        assertTrue(expired.subList(0, Math.min(3, expired.size())).stream()
                .anyMatch(e -> e.id().equals("outcome-cert_expired") || e.id().equals("error-0x800b0101")),
                expired.stream().map(KbEntry::id).limit(5).toList().toString());
        List<KbEntry> proxy = KB.search("proxy authentication", 5).stream().map(KnowledgeBase.SearchHit::entry).toList();
        assertTrue(proxy.stream().anyMatch(e -> e.id().equals("http-407") || e.id().equals("outcome-proxy_auth_required")),
                proxy.stream().map(KbEntry::id).toList().toString());
        assertEquals(List.of(), KB.lookup("xyzzy plugh"));
        assertEquals(List.of(), KB.lookup("   "));
    }

    @Test
    void everyOutcomeIsFoundByItsId() {
        for (Outcome o : Outcome.values()) {
            assertEquals("outcome-" + o.id(), KB.lookup(o.id()).get(0).id());
        }
    }

    /** Issue 14: the 407 status and the outcome it causes were two near-identical entries shown together. */
    @Test
    void lookingUp407ShowsOne407Entry() {
        List<KbEntry> found = KB.lookup("407");
        assertEquals("http-407", found.get(0).id());
        List<String> about407 = found.stream()
                .filter(e -> e.allIds().contains("http-407") || e.allIds().contains("outcome-proxy_auth_required")
                        || e.title().contains("407"))
                .map(KbEntry::id).toList();
        assertEquals(List.of("http-407"), about407, found.stream().map(KbEntry::id).toList().toString());
    }

    @Test
    void theMergedEntryAnswersToBothIds() {
        KbEntry status = KB.forHttpStatus(407).orElseThrow();
        KbEntry outcome = KB.forOutcome(Outcome.PROXY_AUTH_REQUIRED).orElseThrow();
        assertEquals("outcome-proxy_auth_required", outcome.id());
        assertEquals("proxy_auth_required", outcome.outcome());
        assertEquals(status.allIds(), outcome.allIds());
        assertEquals(status.endUser(), outcome.endUser());
        assertEquals(List.of(status), KnowledgeBase.distinct(List.of(status, outcome)));
        assertEquals(1, KB.entries().stream().filter(e -> e.allIds().contains("outcome-proxy_auth_required")).count());
        assertEquals(List.of("http-407"), KB.lookup("proxy authentication required").stream()
                .filter(e -> e.allIds().contains("http-407")).map(KbEntry::id).toList(), "listed once in free text too");
    }
}
