package org.sstpdoctor.probe.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.AnsweredBy;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.testing.TestProbes;

/** The revocation check against loopback CRL and OCSP servers the test starts, directly. */
class RevocationCheckerTest {
    static final RevocationPolicy FAST = new RevocationPolicy(Duration.ofSeconds(5), Duration.ofMillis(700),
            256 * 1024, 64 * 1024);
    static RevocationFixture pki;

    @BeforeAll
    static void start() throws Exception {
        pki = new RevocationFixture();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    static RevocationResult check(X509Certificate leaf) {
        return check(leaf, new RevocationCache(), Clock.systemUTC());
    }

    static RevocationResult check(X509Certificate leaf, RevocationCache cache, Clock clock) {
        long now = System.nanoTime();
        return new RevocationChecker(TestProbes.LOOPBACK_ONLY, clock, cache, FAST)
                .check(pki.chain(leaf), null, null, now, now + TimeUnit.SECONDS.toNanos(10), new Cancellation());
    }

    static RevocationResult crl(String path) {
        return check(pki.leaf(List.of(pki.url(path)), List.of()));
    }

    static RevocationResult ocsp(String path) {
        return check(pki.leaf(List.of(), List.of(pki.url(path))));
    }

    static RevocationFetch onlyFetch(RevocationResult r) {
        assertEquals(1, r.fetches().size(), r.fetches().toString());
        return r.fetches().get(0);
    }

    @Test
    void aCurrentCrlThatDoesNotListTheCertificateIsGood() {
        RevocationResult r = crl("/good.crl");
        assertEquals(Outcome.REVOCATION_GOOD, r.outcome(), r.detail());
        assertEquals("direct", r.path());
        assertEquals(1, r.certificates().size(), "the root is not checked");
        CertificateRevocation c = r.certificates().get(0);
        assertEquals("crl", c.method());
        assertNotNull(c.nextUpdate());
        RevocationFetch f = onlyFetch(r);
        assertEquals(200, f.httpStatus());
        assertTrue(f.bytes() > 100, "the CRL's size is recorded: " + f.bytes());
        assertEquals(AnsweredBy.SERVER, f.answeredBy());
        assertEquals("direct", f.via());
        assertTrue(f.usable());
        assertEquals(pki.url("/good.crl"), f.url());
        assertTrue(f.startMillis() >= 0 && f.durationMillis() >= 0);
    }

    @Test
    void aCrlThatListsTheCertificateSaysRevokedWithDateAndReason() {
        X509Certificate leaf = pki.leaf(List.of(pki.url("/list.crl")), List.of());
        pki.revoked.add(leaf.getSerialNumber());
        RevocationResult r = check(leaf);
        assertEquals(Outcome.REVOCATION_REVOKED, r.outcome(), r.detail());
        CertificateRevocation c = r.certificates().get(0);
        assertNotNull(c.revokedAt());
        assertTrue(c.revokedAt().isBefore(Instant.now()));
        assertEquals("keyCompromise", c.reason());
        assertTrue(r.detail().contains("keyCompromise"), r.detail());
        assertEquals("0x80092010 CRYPT_E_REVOKED", RevocationChecker.windowsCode(r.outcome()));
    }

    @Test
    void anExpiredCrlIsStale() {
        RevocationResult r = crl("/expired.crl");
        assertEquals(Outcome.REVOCATION_CRL_STALE, r.outcome(), r.detail());
        assertEquals("stale", onlyFetch(r).problem());
        assertTrue(r.detail().contains("expired"), r.detail());
        assertEquals("0x80092013 CRYPT_E_REVOCATION_OFFLINE", RevocationChecker.windowsCode(r.outcome()));
    }

    @Test
    void aMissingCrlIsOfflineAndNamesTheUrlAndStatus() {
        RevocationResult r = crl("/missing.crl");
        assertEquals(Outcome.REVOCATION_OFFLINE, r.outcome(), r.detail());
        RevocationFetch f = onlyFetch(r);
        assertEquals("http_status", f.problem());
        assertEquals(404, f.httpStatus());
        assertTrue(r.detail().contains(pki.url("/missing.crl")) && r.detail().contains("HTTP 404"), r.detail());
    }

    @Test
    void somethingThatIsNotACrlIsOffline() {
        RevocationResult r = crl("/garbage.crl");
        assertEquals(Outcome.REVOCATION_OFFLINE, r.outcome());
        assertEquals("not_a_crl", onlyFetch(r).problem());
        assertTrue(r.detail().contains("not a CRL"), r.detail());
    }

    @Test
    void aCrlWithABadSignatureIsNotUsed() {
        RevocationResult r = crl("/badsig.crl");
        assertEquals(Outcome.REVOCATION_OFFLINE, r.outcome());
        assertEquals("bad_signature", onlyFetch(r).problem());
    }

    @Test
    void aSlowCrlServerTimesOutWithinTheFetchBound() {
        long start = System.nanoTime();
        RevocationResult r = crl("/slow.crl");
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Outcome.REVOCATION_OFFLINE, r.outcome());
        assertEquals("timeout", onlyFetch(r).problem());
        assertEquals(AnsweredBy.NOBODY, onlyFetch(r).answeredBy());
        assertTrue(took < RevocationFixture.SLOW_MILLIS, "stopped at the bound, not when the server answered: " + took);
    }

    @Test
    void aHugeCrlIsStoppedAtTheSizeBound() {
        RevocationResult r = crl("/huge.crl");
        assertEquals(Outcome.REVOCATION_OFFLINE, r.outcome());
        RevocationFetch f = onlyFetch(r);
        assertEquals("too_large", f.problem());
        assertTrue(f.bytes() <= FAST.maxCrlBytes(), "nothing past the bound is read: " + f.bytes());
    }

    @Test
    void aRefusedEndpointAndAnUnknownNameAreOfflineEachWithItsReason() {
        X509Certificate leaf = pki.leaf(List.of(pki.refusedUrl(), "http://crl.nowhere.invalid/ca.crl"), List.of());
        RevocationResult r = check(leaf);
        assertEquals(Outcome.REVOCATION_OFFLINE, r.outcome());
        assertEquals(2, r.fetches().size());
        assertEquals("refused", r.fetches().get(0).problem());
        assertEquals("name_not_found", r.fetches().get(1).problem());
        assertTrue(r.detail().contains(pki.refusedUrl()) && r.detail().contains("crl.nowhere.invalid"), r.detail());
        assertTrue(r.detail().contains("refused") && r.detail().contains("name not found"), r.detail());
    }

    @Test
    void ocspGoodRevokedAndUnknown() {
        assertEquals(Outcome.REVOCATION_GOOD, ocsp("/ocsp/good").outcome());
        assertEquals("ocsp", ocsp("/ocsp/good").certificates().get(0).method());

        X509Certificate leaf = pki.leaf(List.of(), List.of(pki.url("/ocsp/list")));
        pki.revoked.add(leaf.getSerialNumber());
        RevocationResult revoked = check(leaf);
        assertEquals(Outcome.REVOCATION_REVOKED, revoked.outcome(), revoked.detail());
        assertEquals("keyCompromise", revoked.certificates().get(0).reason());
        assertNotNull(revoked.certificates().get(0).revokedAt());

        RevocationResult unknown = ocsp("/ocsp/unknown");
        assertEquals(Outcome.REVOCATION_OCSP_UNKNOWN, unknown.outcome(), unknown.detail());
        assertEquals("0x80092012 CRYPT_E_NO_REVOCATION_CHECK", RevocationChecker.windowsCode(unknown.outcome()));
    }

    @Test
    void ocspUnknownFallsBackToTheCrl() {
        RevocationResult r = check(pki.leaf(List.of(pki.url("/good.crl")), List.of(pki.url("/ocsp/unknown"))));
        assertEquals(Outcome.REVOCATION_GOOD, r.outcome(), r.detail());
        assertEquals("crl", r.certificates().get(0).method());
        assertEquals(2, r.fetches().size(), "OCSP first, then the CRL");
        assertEquals("ocsp", r.fetches().get(0).kind());
    }

    @Test
    void malformedAndBadlySignedOcspAnswersAreNotUsed() {
        RevocationResult malformed = ocsp("/ocsp/malformed");
        assertEquals(Outcome.REVOCATION_OFFLINE, malformed.outcome());
        assertEquals("not_ocsp", onlyFetch(malformed).problem());
        RevocationResult badSignature = ocsp("/ocsp/badsig");
        assertEquals(Outcome.REVOCATION_OFFLINE, badSignature.outcome());
        assertEquals("bad_signature", onlyFetch(badSignature).problem());
    }

    @Test
    void anOcspAnswerFromADelegatedResponderIsAccepted() {
        RevocationResult r = ocsp("/ocsp/delegated");
        assertEquals(Outcome.REVOCATION_GOOD, r.outcome(), r.detail());
    }

    @Test
    void aCertificateWithoutRevocationInformation() {
        RevocationResult r = check(pki.leaf(List.of(), List.of()));
        assertEquals(Outcome.REVOCATION_NO_INFO, r.outcome());
        assertTrue(r.fetches().isEmpty());
    }

    @Test
    void ldapOnlyDistributionPoints() {
        RevocationResult r = check(pki.leaf(List.of("ldap:///CN=Corp-CA,CN=pki,DC=corp,DC=example?certificateRevocationList"),
                List.of()));
        assertEquals(Outcome.REVOCATION_LDAP_ONLY, r.outcome(), r.detail());
        assertEquals("ldap", onlyFetch(r).problem());
        assertEquals(AnsweredBy.NOBODY, r.answeredBy());

        RevocationResult mixed = check(pki.leaf(List.of("ldap:///CN=Corp-CA", pki.url("/missing.crl")), List.of()));
        assertEquals(Outcome.REVOCATION_OFFLINE, mixed.outcome(), "the HTTP one failed: " + mixed.detail());
        assertTrue(mixed.detail().contains("LDAP"), mixed.detail());
    }

    @Test
    void oneFetchPerUrlAndTheCacheRespectsNextUpdate() {
        X509Certificate leaf = pki.leaf(List.of(pki.url("/good.crl?cache")), List.of());
        RevocationCache cache = new RevocationCache();
        int before = pki.server.requestLines().size();
        RevocationResult first = check(leaf, cache, Clock.systemUTC());
        RevocationResult second = check(leaf, cache, Clock.systemUTC());
        assertEquals(Outcome.REVOCATION_GOOD, second.outcome());
        assertFalse(onlyFetch(first).fromCache());
        assertTrue(onlyFetch(second).fromCache());
        assertEquals(before + 1, pki.server.requestLines().size(), "one fetch for two checks");

        // Eight days on, past the CRL's nextUpdate: fetched again (and now stale, since the server's copy is too old then).
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(8)), ZoneOffset.UTC);
        RevocationResult third = check(leaf, cache, later);
        assertFalse(onlyFetch(third).fromCache());
        assertEquals(before + 2, pki.server.requestLines().size());
    }

    @Test
    void noTimeLeftMeansNotChecked() {
        long now = System.nanoTime();
        RevocationResult r = new RevocationChecker(TestProbes.LOOPBACK_ONLY, Clock.systemUTC(), new RevocationCache(), FAST)
                .check(pki.chain(pki.leaf(List.of(pki.url("/good.crl")), List.of())), null, null, now, now,
                        new Cancellation());
        assertEquals(Outcome.REVOCATION_NOT_CHECKED, r.outcome(), r.detail());
        assertEquals("no_time", onlyFetch(r).problem());
    }

    @Test
    void cancelStopsASlowFetchAtOnce() throws Exception {
        Cancellation cancellation = new Cancellation();
        long now = System.nanoTime();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException ignored) {
                // the test ends anyway
            }
            cancellation.cancel();
        });
        canceller.start();
        RevocationPolicy patient = new RevocationPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10), 1 << 20, 1 << 16);
        RevocationResult r = new RevocationChecker(TestProbes.LOOPBACK_ONLY, Clock.systemUTC(), new RevocationCache(),
                patient).check(pki.chain(pki.leaf(List.of(pki.url("/slow.crl")), List.of())), null, null, now,
                now + TimeUnit.SECONDS.toNanos(10), cancellation);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - now);
        canceller.join();
        assertEquals(Outcome.REVOCATION_NOT_CHECKED, r.outcome(), r.detail());
        assertTrue(took < 1500, "cancel took effect at once: " + took + " ms");
    }

    @Test
    void theIssuerCanComeFromTheTrustedCasWhenTheServerDidNotSendIt() {
        X509Certificate leaf = pki.leaf(List.of(pki.url("/good.crl")), List.of());
        long now = System.nanoTime();
        RevocationChecker checker = new RevocationChecker(TestProbes.LOOPBACK_ONLY, Clock.systemUTC(),
                new RevocationCache(), FAST);
        RevocationResult unknownIssuer = checker.check(List.of(leaf), null, null, now, now + TimeUnit.SECONDS.toNanos(5),
                new Cancellation());
        assertEquals(Outcome.REVOCATION_NOT_CHECKED, unknownIssuer.outcome());
        javax.net.ssl.X509TrustManager anchors = org.sstpdoctor.probe.TrustStores.withExtra(List.of(pki.ca.certificate()));
        RevocationResult viaAnchor = checker.check(List.of(leaf), anchors, null, now, now + TimeUnit.SECONDS.toNanos(5),
                new Cancellation());
        assertEquals(Outcome.REVOCATION_GOOD, viaAnchor.outcome(), viaAnchor.detail());
    }

    @Test
    void hostileTextInACertificateAddressIsSanitised() {
        RevocationResult r = check(pki.leaf(List.of("http://crl.test:" + pki.refusedPort + "/\u202Eevil\u0007.crl"), List.of()));
        for (RevocationFetch f : r.fetches()) {
            assertFalse(f.url().contains("\u202E") || f.url().contains("\u0007"), f.url());
        }
        assertFalse(r.detail().contains("\u202E"), r.detail());
    }
}
