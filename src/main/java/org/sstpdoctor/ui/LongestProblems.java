package org.sstpdoctor.ui;

import java.util.List;
import java.util.Optional;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.InputField;
import org.sstpdoctor.target.ProxyAddressParser;

/**
 * The longest message each field's check gives, in the checks' own words: the space a field's
 * message label keeps ({@link FieldProblem}), so a message appearing never moves the page. A check
 * quotes what was typed, cut at 60 characters; {@link #TYPED} is that long.
 */
final class LongestProblems {
    /** Typed text longer than any quote, with no space to wrap at: a quote at its widest. */
    static final String TYPED = "vpngateway" + "0123456789".repeat(7);
    /** A part of a name as long as one may be (63), so the check quotes it rather than counting it. */
    private static final String PART = TYPED.substring(0, 62);

    private LongestProblems() {
    }

    static List<String> address() {
        return FieldProblem.problemsFor(a -> problem(() -> AddressParser.parse(a)),
                "[fe80::1%" + TYPED + "]", "https://user:password@" + TYPED, TYPED + " x", "https://" + TYPED + "/" + TYPED,
                "http://" + TYPED, "-" + PART + ".example.com", PART + "-.example.com", PART + "_.example.com", "[2001:db8:1:2:3:4:5:6:7]", "01.02.03.04", TYPED + ":");
    }

    static List<String> port() {
        return FieldProblem.problemsFor(p -> problem(() -> AddressParser.parse("vpn.example.com:44443",
                AddressParser.parsePort(p, InputField.PORT))), TYPED, "99999", "443");
    }

    static List<String> destination() {
        return List.of(Texts.get("address.destination.empty"), Texts.get("address.destination.invalid"));
    }

    static List<String> expectedCertificate() {
        return List.of(Texts.get("address.expectedcert.invalid"));
    }

    static List<String> signIn(String field) {
        return switch (field) {
            case "user" -> List.of(Texts.get("signin.user.missing"), Texts.get("signin.user.invalid"));
            case "password" -> List.of(Texts.get("signin.password.missing"));
            default -> List.of(Texts.get("signin.domain.invalid"));
        };
    }

    /** The proxy's host box (its port's problems show there too). */
    static List<String> proxyHost() {
        List<String> host = FieldProblem.problemsFor(h -> problem(() -> ProxyAddressParser.parse(h, "8080")),
                "https://" + TYPED, "user:password@" + TYPED, TYPED + ":8080", TYPED + " x", "-" + PART + ".example.com", "");
        List<String> port = FieldProblem.problemsFor(p -> problem(() -> ProxyAddressParser.parse("proxy.example.com", p)),
                TYPED, "99999", "");
        return java.util.stream.Stream.concat(host.stream(), port.stream()).toList();
    }

    static List<String> proxyUser() {
        return FieldProblem.problemsFor(u -> problem(() -> ProxyAddressParser.parseUser(u)), "x".repeat(400), "a:b", "a\u200bb", "");
    }

    /** The CA file's messages name the file: a path as long as a typical one. */
    static List<String> caFile() {
        String path = "/home/someone/Documents/certificates/" + TYPED + ".pem";
        return List.of(Texts.get("proxy.ca.missing", path), "The file " + path
                + " is not a certificate file. Give a PEM file with one or more CA certificates (-----BEGIN CERTIFICATE-----).");
    }

    private interface Check {
        void run() throws InputException;
    }

    private static Optional<String> problem(Check check) {
        try {
            check.run();
            return Optional.empty();
        } catch (InputException e) {
            return Optional.of(e.getMessage());
        }
    }
}
