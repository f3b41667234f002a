package org.sstpdoctor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.history.Comparison;
import org.sstpdoctor.history.HistoryFixtures;
import org.sstpdoctor.history.HistoryText;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.profiles.VpnStrategy;

/**
 * The helpdesk code's sentences live in {@code sentences.properties}, not in Java: every key there is
 * used, every key used is there, each is a valid pattern, and no sentence is written in the code of
 * the packages that make them (history, ticket, eventlog, profiles, the command line's open,
 * history and lookup, and the wizard's helpdesk pages, whose strings are in the wizard's own bundle). The English they make is pinned by the tests of each package and here.
 */
class SentencesTest {
    static final Path MAIN = Path.of("src/main/java/org/sstpdoctor");
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Two words of letters in a row: "the proxy", "Report from". */
    static final Pattern PROSE = Pattern.compile("[A-Za-z]{2,}[,;:.]? +[A-Za-z]{2,}");

    /** A DateTimeFormatter pattern, "yyyy-MM-dd HH:mm zzz": letters of a date, not words. */
    static final Pattern DATE_PATTERN = Pattern.compile("[yMdHhmsSaXxzZ:.\\- ]+");

    /**
     * The only literals with words in them that the scanned code may hold, each because it is not a
     * sentence SSTP Doctor says: it matches or rebuilds Windows' own text, or is a command, query or pattern.
     */
    static final Map<String, String> NOT_PROSE = Map.ofEntries(
            Map.entry("eventlog/EventXml.java|which has terminated. The reason code returned on termination is ",
                    "Windows' own RasClient 20226 message, rebuilt from the XML's insertion strings to be parsed"),
            Map.entry("eventlog/EventXml.java|which has failed. The error code returned on failure is ",
                    "Windows' own RasClient 20227 message"),
            Map.entry("eventlog/EventXml.java|: The user ", "Windows' own RasClient message"),
            Map.entry("eventlog/EventXml.java| dialed a connection named ", "Windows' own RasClient message"),
            Map.entry("eventlog/EventText.java|dialed a connection named\\\\s+(.{1,256}?)\\\\s+(?:which|that) has\\\\b",
                    "a pattern for Windows' text"),
            Map.entry("eventlog/EventText.java|error code returned on failure is\\\\s+(-?\\\\d{1,10}|0x[0-9a-f]{1,8})",
                    "a pattern for Windows' text"),
            Map.entry("eventlog/EventText.java|reason code returned on termination is\\\\s+(-?\\\\d{1,10}|0x[0-9a-f]{1,8})",
                    "a pattern for Windows' text"),
            Map.entry("eventlog/EventText.java|In Words\\\\s*[\\\\r\\\\n]+\\\\s*0000:\\\\s*([0-9a-fA-F]{8})\\\\b",
                    "a pattern for Event Viewer's text"),
            Map.entry("eventlog/EventText.java|In Bytes\\\\s*[\\\\r\\\\n]+\\\\s*0000:\\\\s*((?:[0-9a-fA-F]{2}\\\\s){3}[0-9a-fA-F]{2})",
                    "a pattern for Event Viewer's text"),
            Map.entry("eventlog/EventText.java|(?s)Description:\\\\s*(.*?)(?:\\\\n\\\\s*Event Xml:|$)",
                    "a pattern for Event Viewer's text"),
            Map.entry("eventlog/EventText.java|dialed a connection named", "recognises Windows' text"),
            Map.entry("eventlog/EventText.java|in bytes", "recognises Event Viewer's text"),
            Map.entry("eventlog/EventText.java|in words", "recognises Event Viewer's text"),
            Map.entry("eventlog/EventLogReader.java|*[System[Provider[@Name='RasClient'] and (EventID=20227 or EventID=20226)]]",
                    "a wevtutil query"),
            Map.entry("history/ReportSummary.java|SHA-256 is part of every Java runtime", "an internal error, never shown"),
            Map.entry("ticket/OpenedReport.java|is larger", "recognises BoundedFiles' message"),
            Map.entry("ticket/DnsServers.java|$up = @(Get-NetIPInterface -ConnectionState Connected | ForEach-Object"
                    + " { $_.InterfaceIndex }); ", "a PowerShell script"));

    static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = SentencesTest.class.getResourceAsStream("/org/sstpdoctor/text/sentences.properties")) {
            p.load(in);
        }
        return p;
    }

    static List<Path> scanned() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String pkg : List.of("history", "ticket", "eventlog", "profiles")) {
            try (Stream<Path> s = Files.list(MAIN.resolve(pkg))) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        for (String f : List.of("OpenCommand", "HistoryCommand", "HistoryHook", "LookupCommand", "PastedInput")) {
            out.add(MAIN.resolve("cli/" + f + ".java"));
        }
        // The wizard's helpdesk pages take theirs from ui/messages.properties (Texts); none in Java either.
        for (String f : List.of("HelpdeskUi", "OpenedPageController", "HistoryPageController", "EventsPageController",
                "TicketActions", "VpnChooser", "PastedEvents")) {
            out.add(MAIN.resolve("ui/" + f + ".java"));
        }
        return out;
    }

    static String allMainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void everySentenceIsUsedAndEverySentenceUsedExists() throws IOException {
        Properties bundle = bundle();
        String sources = allMainSources();
        Set<String> literals = new TreeSet<>();
        Matcher m = LITERAL.matcher(sources);
        while (m.find()) {
            literals.add(m.group(1));
        }
        // A key made at run time: "side.row." + key, "strategy." + name.
        List<String> prefixes = new ArrayList<>();
        Matcher dyn = Pattern.compile("Sentences\\.get\\(\"([a-z0-9_.]+\\.)\"\\s*\\+").matcher(sources);
        while (dyn.find()) {
            prefixes.add(dyn.group(1));
        }
        assertEquals(List.of("strategy.", "side.row."), prefixes.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
                "the keys made at run time, each checked below");
        List<String> unused = new ArrayList<>();
        for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
            if (!literals.contains(key) && prefixes.stream().noneMatch(key::startsWith)) {
                unused.add(key);
            }
        }
        assertEquals(List.of(), unused, "sentences no code uses");

        // Every literal key passed to Sentences.get, including both sides of a ?: choice.
        Matcher used = Pattern.compile("Sentences\\.get\\((?:[^\"();]*\\?\\s*)?\"([a-z0-9_.]+)\"(?:\\s*:\\s*\"([a-z0-9_.]+)\")?")
                .matcher(sources);
        List<String> missing = new ArrayList<>();
        int count = 0;
        while (used.find()) {
            for (int g = 1; g <= 2; g++) {
                String key = used.group(g);
                if (key != null && !key.endsWith(".")) {
                    count++;
                    if (!bundle.containsKey(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        assertTrue(count > 120, "the scan found the calls: " + count);
        assertEquals(List.of(), missing, "keys used but not in sentences.properties");
        for (VpnStrategy s : VpnStrategy.values()) {
            assertFalse(s.label().isBlank(), s.name());
        }
        for (String row : List.of("server", "result", "finding", "answered_by", "http_status", "addresses", "proxy", "tls",
                "cert_issuer", "cert_fingerprint", "cert_valid_until")) {
            assertTrue(bundle.containsKey("side.row." + row), row);
        }
    }

    @Test
    void everySentenceIsAValidPatternWithItsQuotesDoubled() throws IOException {
        Properties bundle = bundle();
        for (String key : bundle.stringPropertyNames()) {
            String v = bundle.getProperty(key);
            assertFalse(v.isBlank(), key);
            new MessageFormat(v, Locale.ENGLISH);
            assertFalse(Pattern.compile("(?<!')'(?!')").matcher(v.replace("''", "")).find(),
                    key + ": a lone quote would vanish in MessageFormat: " + v);
            assertEquals(v, v.strip(), key + ": leading or trailing spaces are lost or invisible in a properties file");
        }
    }

    @Test
    void noSentenceIsWrittenInTheHelpdeskCode() throws IOException {
        List<String> found = new ArrayList<>();
        Set<String> allowedSeen = new TreeSet<>();
        for (Path file : scanned()) {
            String rel = MAIN.relativize(file).toString().replace('\\', '/');
            for (String literal : literals(Files.readString(file, StandardCharsets.UTF_8))) {
                if (!PROSE.matcher(literal).find() || DATE_PATTERN.matcher(literal).matches()) {
                    continue;
                }
                String id = rel + "|" + literal;
                if (NOT_PROSE.containsKey(id)) {
                    allowedSeen.add(id);
                } else {
                    found.add(id);
                }
            }
        }
        assertEquals(List.of(), found, "sentences in Java: move them to org/sstpdoctor/text/sentences.properties");
        assertEquals(new TreeSet<>(NOT_PROSE.keySet()), allowedSeen, "an exception no longer needed");
    }

    /** A literal with words in a picocli annotation (its help) and in comments is not counted. */
    @Test
    void theScanSeesSentencesButNotCommentsOrHelp() {
        String code = "// a comment with words\n/* and a block\n of words */\n"
                + "@Option(names = \"--x\", description = \"Some help text\n    + \" more help\")\nboolean x;\n"
                + "String s = \"The proxy changed\"; String t = \"a.key\";";
        List<String> l = literals(code);
        assertEquals(List.of("The proxy changed", "a.key"), l);
    }

    /** The string literals of some Java, without those in comments and in annotations (picocli's help). */
    static List<String> literals(String java) {
        String src = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL).matcher(java).replaceAll(r -> "\n".repeat(
                (int) r.group().chars().filter(c -> c == '\n').count()));
        List<String> out = new ArrayList<>();
        boolean annotation = false;
        int depth = 0;
        for (String line : src.split("\n")) {
            String code = withoutLineComment(line);
            String bare = LITERAL.matcher(code).replaceAll("\"\"");
            if (!annotation && code.strip().matches("@(Command|Option|Parameters|Mixin|Spec|ArgGroup)\\b.*")) {
                annotation = true;
                depth = 0;
            }
            if (annotation) {
                depth += count(bare, '(') - count(bare, ')');
                if (depth <= 0) {
                    annotation = false;
                }
                continue;
            }
            Matcher m = LITERAL.matcher(code);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String withoutLineComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString && c == '\\') {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    /** The English the bundle makes is the English the code made before it. */
    @Test
    void theEnglishIsAsItWas() {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        assertEquals("just now", Comparison.ago(now.minusSeconds(30), now));
        assertEquals("1 minute ago", Comparison.ago(now.minusSeconds(60), now));
        assertEquals("5 minutes ago", Comparison.ago(now.minus(Duration.ofMinutes(5)), now));
        assertEquals("1 hour ago", Comparison.ago(now.minus(Duration.ofMinutes(61)), now));
        assertEquals("3 hours ago", Comparison.ago(now.minus(Duration.ofHours(3)), now));
        assertEquals("yesterday", Comparison.ago(now.minus(Duration.ofHours(30)), now));
        assertEquals("3 days ago", Comparison.ago(now.minus(Duration.ofDays(3)), now));
        assertEquals("on 2026-08-01", Comparison.ago(Instant.parse("2026-08-01T10:00:00Z"), now));
        assertEquals("at an unknown time", Comparison.ago(null, now));
        assertEquals("certificate expires today", HistoryText.daysLeft(0));
        assertEquals("certificate expires in 1 day", HistoryText.daysLeft(1));
        assertEquals("certificate expires in 12 days", HistoryText.daysLeft(12));
        assertEquals("SSTP only", VpnStrategy.SSTP_ONLY.label());
        assertEquals("Windows' own list of protocols", VpnStrategy.PROTOCOL_LIST.label(), "the quote survives");

        ReportSummary before = ReportSummary.of(HistoryFixtures.report(now.minus(Duration.ofDays(3)), "vpn.contoso.com",
                "pass", "sstp_ack", 200, "CN=R10", "AA", now.plus(Duration.ofDays(80)), List.of("192.0.2.1"), null));
        ReportSummary after = ReportSummary.of(HistoryFixtures.report(now, "vpn.contoso.com", "fail", "http_status", 503,
                "CN=R11", "BB", now.plus(Duration.ofDays(80)), List.of("192.0.2.2"), null));
        assertEquals("Reachable 3 days ago; since then the result changed (was reachable, now not reachable),"
                + " the HTTP status changed (was 200, now 503), the certificate changed (new issuer: CN=R11),"
                + " the addresses changed (was 192.0.2.1, now 192.0.2.2).", Comparison.between(before, after, now).sentence());
        assertEquals("Reachable 3 days ago; nothing that SSTP Doctor checks has changed since.",
                Comparison.between(before, before, now).sentence());
    }
}
