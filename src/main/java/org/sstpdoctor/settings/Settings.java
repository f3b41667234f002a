package org.sstpdoctor.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sstpdoctor.probe.ProxyMode;

/**
 * What the desktop app remembers between runs. Immutable; every "with" method returns a new value.
 * There is deliberately no password here: a remembered proxy password lives only in the system's
 * credential store ({@link CredentialStore}), and {@link #rememberPassword()} only says that it does.
 *
 * <p>The canonical constructor (which Jackson uses) repairs what a hand-edited or older file may hold
 * (blank names, duplicates, a port out of range) instead of refusing the whole file; the "with"
 * methods reject bad input, because that comes from the program.
 *
 * @param recentAddresses servers tested, most recent first, at most {@value #MAX_RECENT}
 * @param recentDestinationNames names typed for the servers, same rules
 * @param proxyMode none, the system's settings or a typed proxy; in the file by its id ("none", "system",
 *                  "manual"), where an unknown or missing one reads as {@link #DEFAULT_PROXY_MODE}
 * @param proxyHost the typed proxy's host, or null
 * @param proxyPort the typed proxy's port, or null
 * @param proxyUser the proxy user name, or null
 * @param rememberPassword whether the proxy password is kept in the credential store
 * @param caFile a PEM file of extra trusted CAs, or null
 * @param timeoutSeconds how long a probe may take, {@value #MIN_TIMEOUT}-{@value #MAX_TIMEOUT}
 * @param expectedCertificates per address (lower-case), the certificate fingerprint the person expects
 *                             there (normalised hex), at most {@value #MAX_EXPECTED} addresses
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "recentAddresses", "recentDestinationNames", "proxyMode", "proxyHost", "proxyPort",
    "proxyUser", "rememberPassword", "caFile", "timeoutSeconds", "expectedCertificates"})
public record Settings(
        List<String> recentAddresses,
        List<String> recentDestinationNames,
        @JsonSerialize(using = ProxyModeJson.Writer.class) @JsonDeserialize(using = ProxyModeJson.Reader.class)
        ProxyMode proxyMode,
        String proxyHost,
        Integer proxyPort,
        String proxyUser,
        boolean rememberPassword,
        String caFile,
        int timeoutSeconds,
        java.util.Map<String, String> expectedCertificates) {

    public static final String SCHEMA = "sstp-doctor/settings/v1";
    public static final int MAX_RECENT = 10;
    public static final int MAX_EXPECTED = 100;
    public static final int DEFAULT_TIMEOUT = (int) org.sstpdoctor.probe.ProbeRequest.DEFAULT_TIMEOUT.toSeconds();
    public static final int MIN_TIMEOUT = (int) org.sstpdoctor.probe.ProbeRequest.MIN_TIMEOUT.toSeconds();
    public static final int MAX_TIMEOUT = (int) org.sstpdoctor.probe.ProbeRequest.MAX_TIMEOUT.toSeconds();
    /** As Windows' SSTP client does, and as the command line defaults to. */
    public static final ProxyMode DEFAULT_PROXY_MODE = ProxyMode.SYSTEM;

    public Settings {
        recentAddresses = recent(recentAddresses);
        recentDestinationNames = recent(recentDestinationNames);
        proxyMode = proxyMode == null ? DEFAULT_PROXY_MODE : proxyMode;
        proxyHost = blankToNull(proxyHost);
        proxyPort = proxyPort != null && proxyPort >= 1 && proxyPort <= 65535 ? proxyPort : null;
        proxyUser = blankToNull(proxyUser);
        caFile = blankToNull(caFile);
        timeoutSeconds = timeoutSeconds >= MIN_TIMEOUT && timeoutSeconds <= MAX_TIMEOUT ? timeoutSeconds : DEFAULT_TIMEOUT;
        expectedCertificates = expected(expectedCertificates);
    }

    /** The fingerprint remembered for this address, or empty. */
    public String expectedCertificate(String address) {
        return address == null ? "" : expectedCertificates.getOrDefault(address.trim().toLowerCase(Locale.ROOT), "");
    }

    /** Remembers (or, with a blank fingerprint, forgets) the certificate expected at an address. */
    public Settings withExpectedCertificate(String address, String fingerprint) {
        if (address == null || address.isBlank()) {
            return this;
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>(expectedCertificates);
        String key = address.trim().toLowerCase(Locale.ROOT);
        out.remove(key);
        if (fingerprint != null && !fingerprint.isBlank()) {
            out.put(key, fingerprint.trim());
        }
        return new Settings(recentAddresses, recentDestinationNames, proxyMode, proxyHost, proxyPort, proxyUser,
                rememberPassword, caFile, timeoutSeconds, out);
    }

    /** Bounded; hex fingerprints only (a hand-edited file may hold anything). */
    private static java.util.Map<String, String> expected(java.util.Map<String, String> values) {
        if (values == null) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (var e : values.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || e.getKey().isBlank() || e.getKey().length() > 300
                    || !e.getValue().trim().matches("[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64}")) {
                continue;
            }
            if (out.size() >= MAX_EXPECTED) {
                out.remove(out.keySet().iterator().next());
            }
            out.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue().trim().toUpperCase(Locale.ROOT));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    public static Settings defaults() {
        return new Settings(List.of(), List.of(), DEFAULT_PROXY_MODE, null, null, null, false, null, DEFAULT_TIMEOUT,
                java.util.Map.of());
    }

    /** Marks the file's format, so a later version knows what it reads. */
    @JsonProperty(value = "schema", access = JsonProperty.Access.READ_ONLY)
    public String schema() {
        return SCHEMA;
    }

    /** The address put first; an earlier entry equal to it ignoring case is dropped, the oldest fall off. */
    public Settings withRecentAddress(String address) {
        return new Settings(pushed(recentAddresses, address), recentDestinationNames, proxyMode, proxyHost, proxyPort,
                proxyUser, rememberPassword, caFile, timeoutSeconds, expectedCertificates);
    }

    public Settings withRecentDestinationName(String name) {
        return new Settings(recentAddresses, pushed(recentDestinationNames, name), proxyMode, proxyHost, proxyPort,
                proxyUser, rememberPassword, caFile, timeoutSeconds, expectedCertificates);
    }

    /**
     * The proxy choice. Host and port are kept for {@code NONE} and {@code SYSTEM} too, so switching
     * back to {@code MANUAL} finds them again.
     */
    public Settings withProxy(ProxyMode mode, String host, Integer port, String user, boolean remember) {
        java.util.Objects.requireNonNull(mode, "mode");
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("proxy port must be 1-65535, not " + port);
        }
        return new Settings(recentAddresses, recentDestinationNames, mode, host, port, user, remember, caFile,
                timeoutSeconds, expectedCertificates);
    }

    public Settings withCaFile(String file) {
        return new Settings(recentAddresses, recentDestinationNames, proxyMode, proxyHost, proxyPort, proxyUser,
                rememberPassword, file, timeoutSeconds, expectedCertificates);
    }

    public Settings withTimeoutSeconds(int seconds) {
        if (seconds < MIN_TIMEOUT || seconds > MAX_TIMEOUT) {
            throw new IllegalArgumentException("timeout must be " + MIN_TIMEOUT + "-" + MAX_TIMEOUT + " seconds, not " + seconds);
        }
        return new Settings(recentAddresses, recentDestinationNames, proxyMode, proxyHost, proxyPort, proxyUser,
                rememberPassword, caFile, seconds, expectedCertificates);
    }

    private static List<String> pushed(List<String> list, String value) {
        if (value == null || value.isBlank()) {
            return list;
        }
        List<String> out = new ArrayList<>(list.size() + 1);
        out.add(value.trim());
        out.addAll(list);
        return recent(out);
    }

    /** Trimmed, blanks dropped, the first of each case-insensitive duplicate kept, at most {@value #MAX_RECENT}. */
    private static List<String> recent(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            String trimmed = v.trim();
            if (seen.add(trimmed.toLowerCase(Locale.ROOT)) && out.size() < MAX_RECENT) {
                out.add(trimmed);
            }
        }
        return List.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
