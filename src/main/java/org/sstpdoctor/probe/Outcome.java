package org.sstpdoctor.probe;

import java.util.Locale;

import static org.sstpdoctor.probe.AnsweredBy.NETWORK;
import static org.sstpdoctor.probe.AnsweredBy.NOBODY;
import static org.sstpdoctor.probe.AnsweredBy.PROXY;
import static org.sstpdoctor.probe.AnsweredBy.SERVER;
import static org.sstpdoctor.probe.AnsweredBy.THIS_COMPUTER;
import static org.sstpdoctor.probe.Verdict.FAIL;
import static org.sstpdoctor.probe.Verdict.PASS;
import static org.sstpdoctor.probe.Verdict.WARN;

/**
 * The closed set of things a probe can find. Each is classified once, where the cause is known, and
 * carried as data; the knowledge base keys its explanations on {@link #id()}.
 *
 * <p>The titles here are short technical labels for logs and tables; the plain-English explanations
 * belong to the knowledge base.
 */
public enum Outcome {
    BAD_INPUT(FAIL, THIS_COMPUTER, "The address or settings typed are not valid"),

    DNS_NOT_FOUND(FAIL, NETWORK, "The server's name does not exist in DNS"),
    DNS_FAILURE(FAIL, NETWORK, "The name could not be looked up (DNS not answering)"),

    PROXY_NOT_FOUND(FAIL, NETWORK, "The web proxy's name does not exist in DNS"),
    PROXY_UNREACHABLE(FAIL, NETWORK, "The web proxy could not be reached"),
    PROXY_AUTH_REQUIRED(FAIL, PROXY, "The web proxy demands a sign-in (HTTP 407)"),
    PROXY_AUTH_FAILED(FAIL, PROXY, "The web proxy rejected the user name and password"),
    PROXY_REFUSED(FAIL, PROXY, "The web proxy refused the tunnel to the VPN server"),
    PROXY_BAD_REPLY(FAIL, PROXY, "The web proxy closed the connection or answered something that is not HTTP"),

    CONNECTION_REFUSED(FAIL, NETWORK, "The connection was refused (nothing listening, or a firewall)"),
    CONNECT_TIMEOUT(FAIL, NOBODY, "The connection attempt timed out (packets dropped)"),
    NETWORK_UNREACHABLE(FAIL, NETWORK, "No route to the server's network"),
    CONNECTION_RESET(FAIL, SERVER, "The connection was reset"),
    CONNECTION_CLOSED(FAIL, SERVER, "The connection was closed without an answer"),

    NOT_TLS(FAIL, SERVER, "The port does not speak TLS (plain HTTP or another protocol)"),
    TLS_HANDSHAKE_FAILED(FAIL, SERVER, "The secure connection (TLS handshake) failed"),
    TLS_TIMEOUT(FAIL, SERVER, "The server accepted the connection but never completed the TLS handshake"),

    CERT_UNTRUSTED(FAIL, SERVER, "The server's certificate is not trusted"),
    CERT_EXPIRED(FAIL, SERVER, "The server's certificate has expired"),
    CERT_NOT_YET_VALID(FAIL, SERVER, "The server's certificate is not valid yet"),
    CERT_NAME_MISMATCH(FAIL, SERVER, "The server's certificate is for a different name"),
    CERT_WEAK(FAIL, SERVER, "The server's certificate uses a weak key or signature"),
    CERT_WRONG_KEY_USAGE(FAIL, SERVER, "The server's certificate is not allowed for server authentication"),
    CERT_EXPIRING_SOON(WARN, SERVER, "The server's certificate expires within 30 days"),

    HTTP_STATUS(FAIL, SERVER, "The server refused the SSTP request with an HTTP status"),
    HTTP_VERSION_NOT_1_1(FAIL, SERVER, "The server accepted the request but did not answer in HTTP/1.1"),
    NO_HTTP_RESPONSE(FAIL, SERVER, "The server accepted the SSTP request and never answered"),
    MALFORMED_HTTP_RESPONSE(FAIL, SERVER, "The server's answer is not valid HTTP"),
    NOT_SSTP(FAIL, SERVER, "The server answered 200, but it is not an SSTP service"),

    SSTP_NO_ANSWER(FAIL, SERVER, "The SSTP service did not answer the Call Connect Request"),
    SSTP_MALFORMED(FAIL, SERVER, "The SSTP service sent a malformed or unexpected packet"),
    SSTP_ABORTED(FAIL, SERVER, "The SSTP service ended the call instead of accepting it"),
    SSTP_NAK(FAIL, SERVER, "The SSTP service refused the call (Call Connect Nak)"),
    SSTP_ACK(PASS, SERVER, "The SSTP service accepted the call (Call Connect Ack)"),

    TIMEOUT(FAIL, NOBODY, "The test ran out of time"),
    CANCELLED(FAIL, THIS_COMPUTER, "The test was cancelled"),
    INTERNAL_ERROR(FAIL, THIS_COMPUTER, "SSTP Doctor hit an internal error"),

    // Revocation of the server's chain, checked as Windows checks it (issue 11; probe.revocation).
    REVOCATION_GOOD(PASS, SERVER, "No certificate of the chain is revoked (checked by CRL or OCSP)"),
    REVOCATION_REVOKED(FAIL, SERVER, "A certificate of the server's chain has been revoked"),
    REVOCATION_OFFLINE(FAIL, NOBODY, "The revocation check could not be made: no CRL or OCSP answer could be used"),
    REVOCATION_CRL_STALE(FAIL, SERVER, "The certificate's revocation list (CRL) is out of date"),
    REVOCATION_OCSP_UNKNOWN(FAIL, SERVER, "The OCSP responder does not know the certificate"),
    REVOCATION_NO_INFO(FAIL, SERVER, "A certificate of the chain names no CRL or OCSP address"),
    REVOCATION_LDAP_ONLY(FAIL, NOBODY, "The revocation list is published only over LDAP, inside the company network"),
    REVOCATION_NOT_CHECKED(WARN, THIS_COMPUTER, "The revocation check was not finished (no time left, or issuer unknown)"),

    // A web proxy's own error answer to CONNECT, read from its error identifiers (issue 11; probe.okhttp.ProxyErrors).
    PROXY_TARGET_REFUSED(FAIL, PROXY, "The web proxy could not connect to the VPN server: connection refused"),
    PROXY_TARGET_TIMEOUT(FAIL, PROXY, "The web proxy could not connect to the VPN server: no answer in time"),
    PROXY_TARGET_NOT_FOUND(FAIL, PROXY, "The web proxy could not find the VPN server's name"),
    PROXY_TARGET_UNREACHABLE(FAIL, PROXY, "The web proxy could not connect to the VPN server"),
    PROXY_POLICY_DENIED(FAIL, PROXY, "The web proxy's rules do not allow a tunnel to the VPN server"),
    PROXY_NOT_A_PROXY(FAIL, PROXY, "The proxy setting points at a web server, not a web proxy"),
    PROXY_SILENT(FAIL, PROXY, "The web proxy accepted the connection but never answered the tunnel request"),

    // The optional sign-in test (issue 13): after the Call Connect Ack, with the user's VPN credentials.
    SIGNED_IN(PASS, SERVER, "Signed in and offered an address"),
    SIGNIN_WRONG_CREDENTIALS(FAIL, SERVER, "The VPN user name or password was not accepted (691)"),
    SIGNIN_AUTH_PROTOCOL(FAIL, SERVER, "The server and the client use different sign-in methods"),
    SIGNIN_REFUSED(FAIL, SERVER, "The server refused the sign-in by policy"),
    SIGNIN_NO_ADDRESS(FAIL, SERVER, "Signed in, but the server offered no address (720)"),
    SIGNIN_BINDING_REJECTED(FAIL, SERVER, "The server rejected the crypto binding after sign-in"),
    SIGNIN_NO_ANSWER(FAIL, SERVER, "The server stopped answering during the sign-in"),
    SIGNIN_LCP_NOT_CONVERGING(FAIL, SERVER, "The PPP link was never agreed (732)"),
    SIGNIN_FAILED(FAIL, SERVER, "The sign-in broke off"),
    // Will Windows connect? (issue 12)
    CAPTIVE_PORTAL(FAIL, NETWORK, "The network wants a sign-in first: a login page answered"),
    TLS_INTERCEPTED(FAIL, PROXY, "A proxy or firewall decrypts the connection (TLS inspection)"),
    UNEXPECTED_CERTIFICATE(FAIL, SERVER, "A different certificate than the expected one was presented"),
    WINDOWS_CANNOT_CONNECT(FAIL, SERVER, "No supported Windows version can set up the secure connection"),
    SOME_WINDOWS_CANNOT_CONNECT(WARN, SERVER, "Some Windows versions cannot set up the secure connection"),
    CLOCK_SKEW(WARN, THIS_COMPUTER, "This computer's clock is more than a few minutes off"),

    // What answered (issue 12; the server_identity stage): a report, never the deciding outcome.
    SERVER_IDENTIFIED(PASS, SERVER, "What answered was recognised from how it behaves");

    private final Verdict verdict;
    private final AnsweredBy answeredBy;
    private final String title;

    Outcome(Verdict verdict, AnsweredBy answeredBy, String title) {
        this.verdict = verdict;
        this.answeredBy = answeredBy;
        this.title = title;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Who usually answered when this outcome occurs; a report may say more precisely. */
    public AnsweredBy typicalAnswerer() {
        return answeredBy;
    }

    public String title() {
        return title;
    }

    /** Stable id for the JSON report and the knowledge base ("cert_expired"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isCertificateProblem() {
        return name().startsWith("CERT_");
    }

    public boolean isRevocationProblem() {
        return name().startsWith("REVOCATION_") && this != REVOCATION_GOOD;
    }

    public boolean isSignInOutcome() {
        return this == SIGNED_IN || name().startsWith("SIGNIN_");
    }

    public boolean isProxyProblem() {
        return name().startsWith("PROXY_");
    }

    /** Looks an outcome up by its id or enum name, ignoring case. */
    public static java.util.Optional<Outcome> fromId(String id) {
        if (id == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(valueOf(id.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
