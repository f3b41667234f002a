package org.sstpdoctor.target;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Thousands of generated inputs for the address and proxy parsers (QuickTheories, with shrinking):
 * never a crash, always either a usable value or a clear message; and what the parser accepts, it
 * accepts again in its own words.
 */
class ParserPropertiesTest {
    private static final List<String> PIECES = List.of(".", ":", "[", "]", "/", "@", "%", "\\", "-", "_", "#", "?", " ",
            "\t", "\u00A0", "\u200F", "\u0000", "\n", "x", "n", "0", "1", "9", "255", "443", "ü", "т", "１", "{", "}", "\"",
            "<", "vpn", "example", "com", "xn--", "::", "ffff", "a", "b", "65536");
    private static final List<String> PREFIXES = List.of("", "", "", "https://", "http://", "sstp://", "ftp://", "[", "::", "10.");
    private static final List<String> SUFFIXES = List.of("", "", "", ":443", ":0", ":70000", "/", "/sra_{x}/", "]:443", ".", ",");

    /** Strings built from the pieces people and pastes produce, plus arbitrary Unicode. */
    static Gen<String> typed() {
        Gen<String> pieces = lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 12)
                .map((java.util.function.Function<List<String>, String>) l -> String.join("", l));
        Gen<String> unicode = strings().allPossible().ofLengthBetween(0, 12);
        Gen<String> names = lists().of(Generate.pick(List.of("vpn", "gw", "example", "corp", "a-b", "xn--bcher-kva", "x1",
                "bücher", "тест", "-bad", "b_c"))).ofSizeBetween(1, 4)
                .map((java.util.function.Function<List<String>, String>) l -> String.join(".", l));
        Gen<String> ipv4 = lists().of(integers().between(0, 300)).ofSize(4)
                .map((java.util.function.Function<List<Integer>, String>) l -> String.join(".", l.stream().map(String::valueOf).toList()));
        Gen<String> middle = pieces.mix(unicode, 20).mix(names, 40).mix(ipv4, 20);
        return Generate.pick(PREFIXES).zip(middle, Generate.pick(SUFFIXES), (p, m, s) -> p + m + s);
    }

    @Test
    void addressParserNeverCrashes() {
        qt().withExamples(4000).withShrinkCycles(200).forAll(typed()).check(input -> {
            try {
                Target t = AddressParser.parse(input);
                if (t.port() < 1 || t.port() > 65535 || t.asciiHost().isEmpty()
                        || !t.asciiHost().chars().allMatch(c -> c < 0x80)) {
                    return false;
                }
                // What the parser accepts, it accepts again in the form it prints.
                Target again = AddressParser.parse(t.kind() == HostKind.IPV6 ? "[" + t.asciiHost() + "]:" + t.port()
                        : t.asciiHost() + ":" + t.port());
                return again.asciiHost().equals(t.asciiHost()) && again.port() == t.port() && again.kind() == t.kind();
            } catch (InputException e) {
                return isClear(e);
            }
        });
    }

    @Test
    void proxyParserNeverCrashes() {
        qt().withExamples(3000).forAll(typed()).check(input -> {
            try {
                ProxyEndpoint p = ProxyAddressParser.parse(input);
                return p.port() >= 1 && p.port() <= 65535 && !p.asciiHost().isEmpty();
            } catch (InputException e) {
                return isClear(e);
            }
        });
    }

    @Test
    void separateProxyFieldsNeverCrash() {
        qt().withExamples(1500).forAll(typed(), integers().between(-5, 70000)).check((host, port) -> {
            try {
                ProxyAddressParser.parse(host, Integer.toString(port));
                return port >= 1 && port <= 65535;
            } catch (InputException e) {
                return isClear(e);
            }
        });
    }

    @Test
    void anyPortTextIsJudgedClearly() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 8).mix(
                integers().between(-100, 100_000).map((java.util.function.Function<Integer, String>) String::valueOf), 50))
                .check(text -> {
                    try {
                        int p = AddressParser.parsePort(text, InputField.PORT);
                        return p >= 1 && p <= 65535;
                    } catch (InputException e) {
                        return isClear(e);
                    }
                });
    }

    @Test
    void generatorReachesBothOutcomes() {
        // The properties above would be vacuous if nothing generated were ever accepted.
        int[] accepted = {0};
        int[] rejected = {0};
        qt().withExamples(2000).forAll(typed()).checkAssert(input -> {
            try {
                AddressParser.parse(input);
                accepted[0]++;
            } catch (InputException e) {
                rejected[0]++;
            }
        });
        assertTrue(accepted[0] > 50, "accepted " + accepted[0]);
        assertTrue(rejected[0] > 50, "rejected " + rejected[0]);
    }

    private static boolean isClear(InputException e) {
        String m = e.getMessage();
        boolean ok = m != null && !m.isBlank() && m.length() < 400 && m.chars().noneMatch(c -> c < 0x20)
                && e.field() != null && e.field() != InputField.OTHER;
        assertFalse(!ok, "unclear message: " + m);
        return ok;
    }
}
