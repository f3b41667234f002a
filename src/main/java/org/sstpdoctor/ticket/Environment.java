package org.sstpdoctor.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sstpdoctor.probe.ThisComputer;
import org.sstpdoctor.probe.Version;
import org.sstpdoctor.text.Sentences;
import org.sstpdoctor.text.UntrustedText;

/**
 * The environment that matters for a diagnosis, redacted, for the helpdesk file: the operating
 * system and its version, the app's version, the proxy settings found and where they came from, the
 * DNS servers, the clock's offset from the server, and the computer's name (so the helpdesk can say
 * "Report from alice-laptop"). Never a user name, a password, an address book or a file list.
 *
 * @param proxy the proxy the probe used ("none" or "host:port"), {@code proxySource} where it came from
 * @param dnsServers the name servers this computer uses, where the system says ({@link DnsServers})
 * @param dnsSource where {@code dnsServers} came from, or why there are none
 * @param clockOffsetSeconds the server's clock minus this computer's, from the server's Date header; null if unknown
 */
public record Environment(String computer, String osName, String osVersion, String osArch, String javaVersion,
                          String appVersion, String proxy, String proxySource, List<String> dnsServers,
                          String dnsSource, Long clockOffsetSeconds) {
    public static final String SCHEMA = "sstp-doctor/environment/v1";
    private static final int FIELD = 200;

    public Environment {
        dnsServers = List.copyOf(dnsServers);
    }

    /**
     * This computer's environment, with the proxy and clock offset taken from this report (JSON
     * contract). Blocking for a few seconds at most (the DNS servers on Windows): off the FX thread.
     */
    public static Environment ofThisComputer(JsonNode report) {
        return ofThisComputer(report, DnsServers.ofThisComputer());
    }

    static Environment ofThisComputer(JsonNode report, DnsServers dns) {
        return new Environment(computerName(), System.getProperty("os.name", ""), System.getProperty("os.version", ""),
                System.getProperty("os.arch", ""), System.getProperty("java.version", ""), Version.current(),
                proxyOf(report), proxySourceOf(report), dns.servers(), dns.source(), clockOffset(report).orElse(null));
    }

    static String proxyOf(JsonNode report) {
        JsonNode p = report.path("proxy");
        return p.path("used").asBoolean(false) ? clean(p.path("endpoint").asText("")) : "none";
    }

    static String proxySourceOf(JsonNode report) {
        JsonNode p = report.path("proxy");
        String mode = clean(p.path("mode").asText(""));
        String source = clean(p.path("source").asText(""));
        // "--proxy none" has the source "none": "mode none" says it once.
        return source.isEmpty() || source.equalsIgnoreCase(mode) ? Sentences.get("env.proxy.mode", mode)
                : Sentences.get("env.proxy.source", source, mode);
    }

    /**
     * The server's clock minus ours, in whole seconds, from the Date header of its answer to the SSTP
     * request and the time we sent it (the report's start plus the HTTP stage's start). HTTP dates
     * have one-second resolution, so the figure is good to about a second plus the round trip.
     */
    public static Optional<Long> clockOffset(JsonNode report) {
        String date = "";
        for (JsonNode h : report.path("http").path("headers")) {
            if (h.path("name").asText("").equalsIgnoreCase("Date")) {
                date = h.path("value").asText("");
                break;
            }
        }
        if (date.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant server = ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant started = Instant.parse(report.path("startedAt").asText(""));
            double at = 0;
            for (JsonNode s : report.path("stages")) {
                if (s.path("stage").asText("").equals("sstp_http") && s.path("startMs").isNumber()) {
                    at = s.path("startMs").asDouble() + s.path("durationMs").asDouble(0);
                }
            }
            Instant ours = started.plusMillis((long) at);
            return Optional.of(Duration.between(ours, server).toMillis() / 1000);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String computerName() {
        return ThisComputer.name();
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("schema", SCHEMA);
        n.put("computer", computer);
        n.putObject("os").put("name", osName).put("version", osVersion).put("arch", osArch);
        n.put("javaVersion", javaVersion);
        n.put("appVersion", appVersion);
        n.putObject("proxy").put("used", proxy).put("source", proxySource);
        ObjectNode dns = n.putObject("dns");
        dnsServers.forEach(dns.putArray("servers")::add);
        dns.put("source", dnsSource);
        if (clockOffsetSeconds == null) {
            n.putNull("clockOffsetSeconds");
        } else {
            n.put("clockOffsetSeconds", clockOffsetSeconds);
        }
        return n;
    }

    /** Read back from a helpdesk file; every field is untrusted there. */
    public static Environment fromJson(JsonNode n) {
        List<String> dns = new ArrayList<>();
        for (JsonNode d : n.path("dns").path("servers")) {
            if (dns.size() < 8) {
                dns.add(clean(d.asText("")));
            }
        }
        JsonNode offset = n.path("clockOffsetSeconds");
        return new Environment(clean(n.path("computer").asText("")), clean(n.path("os").path("name").asText("")),
                clean(n.path("os").path("version").asText("")), clean(n.path("os").path("arch").asText("")),
                clean(n.path("javaVersion").asText("")), clean(n.path("appVersion").asText("")),
                clean(n.path("proxy").path("used").asText("")), clean(n.path("proxy").path("source").asText("")),
                dns, clean(n.path("dns").path("source").asText("")), offset.canConvertToLong() ? offset.asLong() : null);
    }

    /** "about 3 s ahead of the server"-style words for the clock. */
    public String clockWords() {
        if (clockOffsetSeconds == null) {
            return Sentences.get("env.clock.unknown");
        }
        long s = clockOffsetSeconds;
        if (Math.abs(s) <= 2) {
            return Sentences.get("env.clock.in_step");
        }
        return Sentences.get(s > 0 ? "env.clock.behind" : "env.clock.ahead", String.valueOf(Math.abs(s)));
    }

    private static String clean(String s) {
        return UntrustedText.line(s, FIELD);
    }
}
