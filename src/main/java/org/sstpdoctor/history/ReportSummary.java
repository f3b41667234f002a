package org.sstpdoctor.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sstpdoctor.text.Sentences;
import org.sstpdoctor.text.UntrustedText;

/**
 * What SSTP Doctor compares between two tests of a server, read from a report in the JSON contract
 * ({@code sstp-doctor/report/v1}): the report on this computer, one in the history, or one a user
 * sent. Reading from the contract rather than the Java records keeps history and opened files
 * readable across versions. Every text is made safe to show: an opened report is untrusted.
 *
 * @param startedAt when the test ran (null when the report did not say)
 * @param host the ASCII host name tested; {@code displayHost} its Unicode form
 * @param verdict "pass", "warn", "fail"
 * @param httpStatus the SSTP request's HTTP status, or null when none came
 * @param proxy "none", or the proxy used and where it came from: "proxy.contoso.com:3128 (typed)"
 * @param certificateSha256 the server certificate's fingerprint, or empty; its issuer, expiry alongside
 */
public record ReportSummary(Instant startedAt, String host, String displayHost, int port, String verdict,
                            String outcome, String outcomeTitle, String answeredBy, String detail, Integer httpStatus,
                            List<String> resolvedAddresses, String proxy, String tlsProtocol,
                            String certificateSubject, String certificateIssuer, String certificateSha256,
                            Instant certificateNotAfter) {
    private static final int FIELD = 300;

    public ReportSummary {
        resolvedAddresses = List.copyOf(resolvedAddresses);
    }

    public static ReportSummary of(JsonNode report) {
        JsonNode target = report.path("target");
        JsonNode http = report.path("http");
        JsonNode leaf = report.path("tls").path("chain").path(0);
        List<String> addresses = new ArrayList<>();
        for (JsonNode a : report.path("resolvedAddresses")) {
            if (addresses.size() < 32) {
                addresses.add(clean(a.asText("")));
            }
        }
        JsonNode proxy = report.path("proxy");
        String proxyText = proxy.path("used").asBoolean(false)
                ? clean(proxy.path("endpoint").asText("")) + sourceSuffix(clean(proxy.path("source").asText("")))
                : Sentences.get("value.none");
        int port = target.path("port").asInt(443);
        return new ReportSummary(instant(report.path("startedAt").asText("")), clean(target.path("host").asText("")),
                clean(target.path("displayHost").asText(target.path("host").asText(""))),
                port > 0 && port < 65536 ? port : 443, clean(report.path("verdict").asText("")),
                clean(report.path("outcome").asText("")), clean(report.path("outcomeTitle").asText("")),
                clean(report.path("answeredBy").asText("")), clean(report.path("detail").asText("")),
                http.isObject() && http.path("status").canConvertToInt() && http.path("status").asInt() > 0
                        ? http.path("status").asInt() : null,
                addresses, proxyText, clean(report.path("tls").path("protocol").asText("")),
                clean(leaf.path("subject").asText("")), clean(leaf.path("issuer").asText("")),
                clean(leaf.path("sha256Fingerprint").asText("")), instant(leaf.path("notAfter").asText("")));
    }

    private static String sourceSuffix(String source) {
        return source.isEmpty() ? "" : " (" + source + ")";
    }

    /** "vpn.contoso.com" or "vpn.contoso.com:4443": how the server is named in lists and comparisons. */
    public String server() {
        String name = displayHost.isEmpty() ? host : displayHost;
        return port == 443 ? name : name + ":" + port;
    }

    /** The key that makes two reports "the same server": ASCII host, lower case, and port. */
    public String serverKey() {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** "Reachable", "Reachable with warnings", "Not reachable". */
    public String verdictWords() {
        return switch (verdict) {
            case "pass" -> Sentences.get("verdict.pass");
            case "warn" -> Sentences.get("verdict.warn");
            case "fail" -> Sentences.get("verdict.fail");
            default -> Sentences.get("verdict.unknown");
        };
    }

    /**
     * Days the server certificate has left when it expires within 30 days of {@code now} (0 on its
     * last day); empty otherwise, and for one already expired.
     */
    public Optional<Long> certificateDaysLeft(Instant now) {
        if (certificateNotAfter == null || !certificateNotAfter.isAfter(now)) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, certificateNotAfter);
        return left.compareTo(Duration.ofDays(30)) < 0 ? Optional.of(left.toDays()) : Optional.empty();
    }

    /**
     * A short id for the report, the same in every format and on both sides of a ticket: "R-3F9A2C71",
     * from when it ran and what it tested.
     */
    public String shortId() {
        String basis = (startedAt == null ? "" : startedAt.toString()) + "|" + serverKey() + "|" + outcome;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "R-" + HexFormat.of().withUpperCase().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Instant instant(String s) {
        try {
            return s.isEmpty() ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clean(String s) {
        return UntrustedText.line(s, FIELD);
    }
}
