package org.sstpdoctor.probe.revocation;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.sstpdoctor.probe.AnsweredBy;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.HostResolver;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.target.ProxyEndpoint;

/**
 * Checks the revocation status of every certificate of the server's chain except the root, as the
 * Windows SSTP client does before it sends anything (it fails with 0x80092010 CRYPT_E_REVOKED or
 * 0x80092013 CRYPT_E_REVOCATION_OFFLINE). For each certificate: its OCSP responders first, then its
 * CRL distribution points, until one gives a usable answer; every fetch is recorded.
 *
 * <p>Blocking, bounded by the policy's budget and the caller's deadline, and stopped by cancel.
 */
public final class RevocationChecker {
    /** The order in which the chain's outcomes decide: the worst first. */
    private static final List<Outcome> WORST_FIRST = List.of(Outcome.REVOCATION_REVOKED, Outcome.REVOCATION_OFFLINE,
            Outcome.REVOCATION_LDAP_ONLY, Outcome.REVOCATION_CRL_STALE, Outcome.REVOCATION_OCSP_UNKNOWN,
            Outcome.REVOCATION_NO_INFO, Outcome.REVOCATION_NOT_CHECKED, Outcome.REVOCATION_GOOD);

    private final HostResolver resolver;
    private final Clock clock;
    private final RevocationCache cache;
    private final RevocationPolicy policy;

    public RevocationChecker(HostResolver resolver, Clock clock, RevocationCache cache, RevocationPolicy policy) {
        this.resolver = resolver;
        this.clock = clock;
        this.cache = cache;
        this.policy = policy;
    }

    /** The Windows error a revocation outcome becomes on the client ("" for none). */
    public static String windowsCode(Outcome outcome) {
        return switch (outcome) {
            case REVOCATION_REVOKED -> "0x80092010 CRYPT_E_REVOKED";
            case REVOCATION_OFFLINE, REVOCATION_LDAP_ONLY, REVOCATION_CRL_STALE -> "0x80092013 CRYPT_E_REVOCATION_OFFLINE";
            case REVOCATION_OCSP_UNKNOWN, REVOCATION_NO_INFO -> "0x80092012 CRYPT_E_NO_REVOCATION_CHECK";
            default -> "";
        };
    }

    /**
     * @param chain the server's chain as received, server's certificate first
     * @param anchors where to find an issuer the server did not send (the trusted CAs)
     * @param proxy the web proxy the probe used, or null for direct
     */
    public RevocationResult check(List<X509Certificate> chain, X509TrustManager anchors, ProxyEndpoint proxy,
                                  long originNanos, long deadlineNanos, Cancellation cancellation) {
        return check(chain, anchors, proxy, null, null, originNanos, deadlineNanos, cancellation);
    }

    /** @param proxyUser the proxy credentials of a signed-in attempt (sent only in answer to the proxy's 407), or null */
    public RevocationResult check(List<X509Certificate> chain, X509TrustManager anchors, ProxyEndpoint proxy,
                                  String proxyUser, org.sstpdoctor.probe.Secret proxyPassword,
                                  long originNanos, long deadlineNanos, Cancellation cancellation) {
        long start = System.nanoTime();
        long deadline = Math.min(deadlineNanos, start + policy.budget().toNanos());
        RevocationFetcher fetcher = new RevocationFetcher(resolver, proxy, proxyUser, proxyPassword, originNanos,
                cancellation);
        Run run = new Run(fetcher, deadline, cancellation);
        List<CertificateRevocation> certificates = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            if (isSelfIssued(certificate)) {
                continue; // a root: nothing above it can revoke it
            }
            X509Certificate issuer = issuerOf(certificate, i + 1 < chain.size() ? chain.get(i + 1) : null, anchors);
            certificates.add(run.check(i, certificate, issuer));
        }
        double startMillis = (start - originNanos) / 1_000_000.0;
        double took = (System.nanoTime() - start) / 1_000_000.0;
        String path = proxy == null ? "direct" : "through the proxy " + proxy;
        if (certificates.isEmpty()) {
            return new RevocationResult(Outcome.REVOCATION_NOT_CHECKED, AnsweredBy.THIS_COMPUTER,
                    "the chain holds only a root certificate; nothing to check", path, certificates, run.fetches,
                    startMillis, took);
        }
        CertificateRevocation worst = certificates.stream()
                .min((a, b) -> Integer.compare(WORST_FIRST.indexOf(a.outcome()), WORST_FIRST.indexOf(b.outcome())))
                .orElseThrow();
        String who = worst.position() == 0 ? "the server's certificate" : "certificate " + worst.position()
                + " of the chain (" + worst.subject() + ")";
        String detail = worst.outcome() == Outcome.REVOCATION_GOOD
                ? certificates.size() + (certificates.size() == 1 ? " certificate" : " certificates")
                + " checked, none revoked"
                : who + ": " + worst.detail();
        return new RevocationResult(worst.outcome(), answeredBy(worst, run.fetches), detail, path, certificates,
                run.fetches, startMillis, took);
    }

    private static AnsweredBy answeredBy(CertificateRevocation worst, List<RevocationFetch> fetches) {
        return switch (worst.outcome()) {
            case REVOCATION_NOT_CHECKED -> AnsweredBy.THIS_COMPUTER;
            case REVOCATION_NO_INFO -> AnsweredBy.SERVER;
            case REVOCATION_LDAP_ONLY -> AnsweredBy.NOBODY;
            case REVOCATION_OFFLINE -> {
                List<String> urls = new ArrayList<>(worst.ocspUrls());
                urls.addAll(worst.crlUrls());
                boolean proxyAnswered = fetches.stream().anyMatch(f -> urls.contains(f.url())
                        && f.answeredBy() == AnsweredBy.PROXY);
                yield proxyAnswered ? AnsweredBy.PROXY : AnsweredBy.NOBODY;
            }
            default -> AnsweredBy.SERVER;
        };
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static X509Certificate issuerOf(X509Certificate certificate, X509Certificate next, X509TrustManager anchors) {
        if (next != null && next.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return next;
        }
        if (anchors != null) {
            for (X509Certificate anchor : anchors.getAcceptedIssuers()) {
                if (anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    try {
                        certificate.verify(anchor.getPublicKey());
                        return anchor;
                    } catch (Exception e) {
                        // same name, other key: keep looking
                    }
                }
            }
        }
        return null;
    }

    /** One check's state: its fetches, its deadline. */
    private final class Run {
        final RevocationFetcher fetcher;
        final long deadline;
        final Cancellation cancellation;
        final List<RevocationFetch> fetches = new ArrayList<>();

        Run(RevocationFetcher fetcher, long deadline, Cancellation cancellation) {
            this.fetcher = fetcher;
            this.deadline = deadline;
            this.cancellation = cancellation;
        }

        CertificateRevocation check(int position, X509Certificate certificate, X509Certificate issuer) {
            String subject = PeerText.clean(certificate.getSubjectX500Principal().getName());
            String serial = certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
            RevocationEndpoints endpoints = RevocationEndpoints.of(certificate);
            List<String> crlUrls = endpoints.crlUrls().stream().map(PeerText::clean).toList();
            List<String> ocspUrls = endpoints.ocspUrls().stream().map(PeerText::clean).toList();
            Decision decision = decide(certificate, issuer, endpoints);
            return new CertificateRevocation(position, subject, serial, decision.outcome, decision.detail, crlUrls,
                    ocspUrls, decision.method, decision.answer == null ? null : decision.answer.revokedAt(),
                    decision.answer == null ? "" : decision.answer.reason(),
                    decision.answer == null ? null : decision.answer.thisUpdate(),
                    decision.answer == null ? null : decision.answer.nextUpdate());
        }

        private Decision decide(X509Certificate certificate, X509Certificate issuer, RevocationEndpoints endpoints) {
            if (endpoints.none()) {
                String why = endpoints.problems().isEmpty() ? "" : " (" + String.join("; ", endpoints.problems()) + ")";
                return new Decision(Outcome.REVOCATION_NO_INFO, "the certificate names no CRL distribution point and"
                        + " no OCSP responder, so its revocation cannot be checked" + why, "", null);
            }
            if (issuer == null) {
                return new Decision(Outcome.REVOCATION_NOT_CHECKED, "its issuer's certificate is not known here, so no"
                        + " revocation answer could be verified", "", null);
            }
            List<String> failures = new ArrayList<>();
            boolean ocspUnknown = false;
            boolean crlStale = false;
            boolean outOfTime = false;
            StatusAnswer staleAnswer = null;
            Instant now = clock.instant();
            CertificateID id = null;
            byte[] ocspRequest = null;
            if (!endpoints.ocspUrls().isEmpty()) {
                try {
                    id = OcspVerifier.certificateId(certificate, issuer);
                    ocspRequest = OcspVerifier.request(id);
                } catch (Exception e) {
                    failures.add("OCSP request could not be built: " + PeerText.clean(e.getMessage()));
                }
            }
            for (String url : endpoints.ocspUrls()) {
                if (ocspRequest == null) {
                    break;
                }
                if (!RevocationEndpoints.isHttp(url)) {
                    failures.add(PeerText.clean(url) + ": not an HTTP address");
                    continue;
                }
                final CertificateID certId = id;
                String key = fetcher.via() + " ocsp " + url + " " + HexFormat.of().formatHex(ocspRequest);
                RevocationFetcher.Answer answer = fetch("ocsp", url, ocspRequest, policy.maxOcspBytes(), key,
                        body -> OcspVerifier.check(body, certId, issuer, clock.instant()));
                if (!answer.fetch().usable()) {
                    outOfTime |= answer.fetch().cutShort();
                    failures.add(answer.fetch().url() + ": " + answer.fetch().detail());
                    continue;
                }
                StatusAnswer status = OcspVerifier.check(answer.body(), id, issuer, now);
                if (status.kind() == StatusAnswer.Kind.GOOD || status.kind() == StatusAnswer.Kind.REVOKED) {
                    return decided(status, "ocsp", answer.fetch().url());
                }
                if (status.kind() == StatusAnswer.Kind.UNKNOWN) {
                    ocspUnknown = true;
                    failures.add(answer.fetch().url() + ": " + status.detail());
                } else {
                    markUnusable(answer.fetch(), status);
                    failures.add(answer.fetch().url() + ": " + status.detail());
                }
            }
            List<String> ldap = new ArrayList<>();
            for (String url : endpoints.crlUrls()) {
                if (RevocationEndpoints.isLdap(url)) {
                    ldap.add(PeerText.clean(url));
                    fetches.add(new RevocationFetch("crl", PeerText.clean(url), fetcher.via(), AnsweredBy.NOBODY, -1, 0,
                            -1, 0, "ldap", "an LDAP address: reachable only inside the company network, and not"
                            + " through a web proxy; not fetched", false));
                    continue;
                }
                if (!RevocationEndpoints.isHttp(url)) {
                    failures.add(PeerText.clean(url) + ": not an HTTP address");
                    fetches.add(new RevocationFetch("crl", PeerText.clean(url), fetcher.via(), AnsweredBy.THIS_COMPUTER,
                            -1, 0, -1, 0, "unsupported_scheme", "not an HTTP address; not fetched", false));
                    continue;
                }
                RevocationFetcher.Answer answer = fetch("crl", url, null, policy.maxCrlBytes(),
                        fetcher.via() + " crl " + url, body -> CrlVerifier.check(body, certificate, issuer, clock.instant()));
                if (!answer.fetch().usable()) {
                    outOfTime |= answer.fetch().cutShort();
                    failures.add(answer.fetch().url() + ": " + answer.fetch().detail());
                    continue;
                }
                StatusAnswer status = CrlVerifier.check(answer.body(), certificate, issuer, now);
                if (status.kind() == StatusAnswer.Kind.GOOD || status.kind() == StatusAnswer.Kind.REVOKED) {
                    return decided(status, "crl", answer.fetch().url());
                }
                markUnusable(answer.fetch(), status);
                if (status.problem().equals("stale")) {
                    crlStale = true;
                    staleAnswer = status;
                }
                failures.add(answer.fetch().url() + ": " + status.detail());
            }
            String tried = String.join("; ", failures);
            if (ocspUnknown) {
                return new Decision(Outcome.REVOCATION_OCSP_UNKNOWN, "the OCSP responder does not know this"
                        + " certificate and no CRL gave an answer (" + tried + ")", "ocsp", null);
            }
            if (crlStale) {
                return new Decision(Outcome.REVOCATION_CRL_STALE, "the only CRL available is out of date ("
                        + tried + ")", "crl", staleAnswer);
            }
            if (!ldap.isEmpty() && failures.isEmpty()) {
                return new Decision(Outcome.REVOCATION_LDAP_ONLY, "the CRL is published only at " + String.join(", ", ldap)
                        + ", which only computers inside the company network can reach", "", null);
            }
            if (outOfTime && failures.stream().allMatch(f -> f.endsWith("cancelled") || f.contains("no time left"))) {
                return new Decision(Outcome.REVOCATION_NOT_CHECKED, "not finished: " + tried, "", null);
            }
            String ldapNote = ldap.isEmpty() ? "" : "; LDAP only inside the company network: " + String.join(", ", ldap);
            return new Decision(Outcome.REVOCATION_OFFLINE, "no usable revocation answer (" + tried + ldapNote + ")",
                    "", null);
        }

        private Decision decided(StatusAnswer status, String method, String url) {
            if (status.kind() == StatusAnswer.Kind.REVOKED) {
                return new Decision(Outcome.REVOCATION_REVOKED, "revoked"
                        + (status.revokedAt() == null ? "" : " on " + status.revokedAt())
                        + (status.reason().isEmpty() ? "" : ", reason " + status.reason())
                        + " (" + method.toUpperCase(Locale.ROOT) + " " + url + ")", method, status);
            }
            return new Decision(Outcome.REVOCATION_GOOD, "not revoked (" + method.toUpperCase(Locale.ROOT) + " " + url
                    + (status.nextUpdate() == null ? "" : ", valid until " + status.nextUpdate()) + ")", method, status);
        }

        /** The fetch worked but its content cannot be used: the record says why. */
        private void markUnusable(RevocationFetch fetch, StatusAnswer status) {
            int i = fetches.lastIndexOf(fetch);
            if (i >= 0) {
                fetches.set(i, fetch.withProblem(status.problem(), status.detail()));
            }
        }

        private RevocationFetcher.Answer fetch(String kind, String url, byte[] ocspRequest, long maxBytes, String key,
                                               java.util.function.Function<byte[], StatusAnswer> validity) {
            RevocationFetcher.Answer answer;
            long remaining = deadline - System.nanoTime();
            if (cancellation.isCancelled()) {
                answer = notTried(kind, url, "cancelled", "cancelled");
            } else if (remaining < TimeUnit.MILLISECONDS.toNanos(20)) {
                answer = notTried(kind, url, "no_time", "not fetched: no time left for the revocation check");
            } else {
                long timeout = Math.min(remaining, policy.perFetch().toNanos());
                answer = cache.get(key, clock.instant(), remaining, () -> {
                    RevocationFetcher.Answer fresh = fetcher.fetch(kind, url, ocspRequest, maxBytes, timeout);
                    return new RevocationCache.Entry(fresh, validUntil(fresh, validity));
                }, () -> notTried(kind, url, "no_time", "not fetched: no time left while another check fetched it"));
            }
            fetches.add(answer.fetch());
            return answer;
        }

        private Instant validUntil(RevocationFetcher.Answer fresh, java.util.function.Function<byte[], StatusAnswer> validity) {
            if (fresh.body() == null) {
                return Instant.MAX; // a failure is remembered for the rest of the run
            }
            StatusAnswer answer = validity.apply(Arrays.copyOf(fresh.body(), fresh.body().length));
            Instant next = answer.nextUpdate();
            return next != null && next.isAfter(clock.instant()) ? next : Instant.MAX;
        }

        private RevocationFetcher.Answer notTried(String kind, String url, String problem, String detail) {
            return new RevocationFetcher.Answer(new RevocationFetch(kind, PeerText.clean(url), fetcher.via(),
                    AnsweredBy.THIS_COMPUTER, -1, 0, -1, 0, problem, detail, false), null);
        }
    }

    private record Decision(Outcome outcome, String detail, String method, StatusAnswer answer) {
    }
}
