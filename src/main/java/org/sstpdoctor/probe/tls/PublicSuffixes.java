package org.sstpdoctor.probe.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The ICANN part of the Public Suffix List, read from the copy the JDK itself uses for the same
 * check ({@code lib/security/public_suffix_list.dat}: a ZIP with one entry per top-level domain,
 * each line a rule, the first byte 0 for ICANN rules and 1 for private ones). Without that file
 * only top-level domains count as public suffixes, which is the JDK's own fallback too.
 */
final class PublicSuffixes {
    private static final Set<String> RULES = load();

    private PublicSuffixes() {
    }

    /** Whether {@code domain} (ASCII or Unicode, no trailing dot) is itself a public suffix: "co.uk", "com". */
    static boolean isPublicSuffix(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.indexOf('.') < 0) {
            return true; // a top-level domain
        }
        if (RULES.contains("!" + d)) {
            return false;
        }
        if (RULES.contains(d)) {
            return true;
        }
        int dot = d.indexOf('.');
        return RULES.contains("*" + d.substring(dot));
    }

    private static Set<String> load() {
        Set<String> rules = new HashSet<>();
        Path file = Path.of(System.getProperty("java.home"), "lib", "security", "public_suffix_list.dat");
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                zip.transferTo(content);
                for (String line : content.toString(StandardCharsets.UTF_8).split("\n")) {
                    if (line.length() > 1 && line.charAt(0) == 0) {
                        rules.add(line.substring(1).trim().toLowerCase(Locale.ROOT));
                    }
                }
                if (rules.size() > 50_000) {
                    break; // far more than the list holds: not the file we know
                }
            }
        } catch (IOException | RuntimeException e) {
            // no list in this runtime: top-level domains only
        }
        return Set.copyOf(rules);
    }
}
