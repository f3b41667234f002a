package org.sstpdoctor.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readability rule for end-user text, measured the simple way a reviewer can check by hand:
 * average sentence length at most {@value #MAX_AVERAGE_WORDS} words, no sentence longer than
 * {@value #MAX_SENTENCE_WORDS}, and none of the jargon words in {@link #JARGON}.
 */
public final class Readability {
    public static final int MAX_AVERAGE_WORDS = 20;
    public static final int MAX_SENTENCE_WORDS = 32;
    public static final List<String> JARGON = List.of("TLS", "SSL", "PKIX", "handshake", "HTTP", "HTTPS", "CONNECT", "TCP",
            "DNS", "SSTP", "CRL", "OCSP", "RRAS", "SAN", "EKU", "HRESULT", "header", "cipher", "status code");

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private Readability() {
    }

    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.trim())) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    public static int words(String sentence) {
        String t = sentence.trim();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Problems with the text, empty when it follows the rule. */
    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        List<String> sentences = sentences(text);
        if (sentences.isEmpty()) {
            problems.add("empty text");
            return problems;
        }
        int total = 0;
        for (String s : sentences) {
            int n = words(s);
            total += n;
            if (n > MAX_SENTENCE_WORDS) {
                problems.add(n + "-word sentence: " + s);
            }
        }
        double average = (double) total / sentences.size();
        if (average > MAX_AVERAGE_WORDS) {
            problems.add(String.format(Locale.ROOT, "average sentence length %.1f words", average));
        }
        String withoutProductName = text.replace("SSTP Doctor", "the app");
        for (String word : JARGON) {
            // Acronyms count only as written (CONNECT the method, not "connect" the verb); words in any case.
            int flags = word.equals(word.toUpperCase(Locale.ROOT)) ? 0 : Pattern.CASE_INSENSITIVE;
            Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b", flags).matcher(withoutProductName);
            if (m.find()) {
                problems.add("jargon '" + word + "'");
            }
        }
        return problems;
    }
}
