package org.sstpdoctor.kb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sstpdoctor.probe.Outcome;

/**
 * Explanations for every HTTP status, probe outcome, Windows error code and Windows event a person
 * comes with, read from JSON resources into immutable entries, with the site's own additions applied.
 */
public final class KnowledgeBase {
    static final List<String> RESOURCES = List.of("http-status.json", "outcomes.json", "windows-errors.json", "events.json");
    /** Made when JSON is read (site files, tests, a build without the index), not by the built-in base's start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
    private static final Pattern EVENT = Pattern.compile("(?i)^\\s*(?:event(?:\\s*id)?|ev|id)\\s*#?\\s*(\\d{1,5})\\s*$");
    private static final Pattern HTTP = Pattern.compile("(?i)^\\s*(?:http(?:\\s*status)?\\s*)?(\\d{3})\\s*$");
    private static volatile KnowledgeBase builtIn;

    private final List<KbEntry> entries;
    private final Map<String, KbEntry> byId;
    private final String site;

    private KnowledgeBase(List<KbEntry> entries, String site) {
        this.entries = List.copyOf(entries);
        Map<String, KbEntry> map = new LinkedHashMap<>();
        for (KbEntry e : entries) {
            for (String id : ids(e)) {
                if (map.putIfAbsent(id, id.equals(e.id()) ? e : e.asAlias(id)) != null) {
                    throw new IllegalStateException("duplicate knowledge-base id " + id);
                }
            }
        }
        this.byId = Collections.unmodifiableMap(map);
        this.site = site;
    }

    /** The entries shipped with SSTP Doctor, read once. */
    public static KnowledgeBase builtIn() {
        KnowledgeBase kb = builtIn;
        if (kb == null) {
            synchronized (KnowledgeBase.class) {
                if (builtIn == null) {
                    builtIn = new KnowledgeBase(readResources(), null);
                }
                kb = builtIn;
            }
        }
        return kb;
    }

    public static KnowledgeBase of(List<KbEntry> entries) {
        return new KnowledgeBase(entries, null);
    }

    /** The built-in entries: from the build's index of the JSON files when it matches them, else from the JSON. */
    private static List<KbEntry> readResources() {
        List<byte[]> sources = new ArrayList<>();
        for (String name : RESOURCES) {
            sources.add(resource(name).orElseThrow(() ->
                    new IllegalStateException("knowledge-base resource " + name + " is missing from the build")));
        }
        Optional<byte[]> index = resource(KnowledgeIndex.RESOURCE);
        if (index.isPresent()) {
            try {
                Optional<List<KbEntry>> indexed = KnowledgeIndex.read(index.get(), sources);
                if (indexed.isPresent()) {
                    return indexed.get();
                }
            } catch (IOException | RuntimeException e) {
                // a damaged index: the JSON below is the source anyway
            }
        }
        List<KbEntry> all = new ArrayList<>();
        for (int i = 0; i < RESOURCES.size(); i++) {
            try {
                all.addAll(parse(new java.io.ByteArrayInputStream(sources.get(i)), RESOURCES.get(i)));
            } catch (IOException e) {
                throw new IllegalStateException("knowledge-base resource " + RESOURCES.get(i) + " cannot be read: "
                        + e.getMessage(), e);
            }
        }
        return all;
    }

    private static Optional<byte[]> resource(String name) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(KnowledgeIndex.readAll(in));
        } catch (IOException e) {
            throw new IllegalStateException("knowledge-base resource " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads one file of the form {@code {"entries": [...]}}. */
    public static List<KbEntry> parse(InputStream in, String name) throws IOException {
        JsonNode root = Json.MAPPER.readTree(in);
        JsonNode list = root == null ? null : root.get("entries");
        if (list == null || !list.isArray()) {
            throw new IOException(name + " has no \"entries\" list");
        }
        List<KbEntry> out = new ArrayList<>();
        for (JsonNode node : list) {
            out.add(Json.MAPPER.treeToValue(node, KbEntry.class));
        }
        return out;
    }

    /** This knowledge base with a site's overrides applied (the overrides' problems are theirs to report). */
    public KnowledgeBase withOverrides(SiteOverrides overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        List<KbEntry> applied = new ArrayList<>(entries.size());
        for (KbEntry e : entries) {
            applied.add(overrides.apply(e));
        }
        return new KnowledgeBase(applied, overrides.site());
    }

    /** The site named by the overrides in use, if any ("Contoso IT"). */
    public Optional<String> site() {
        return Optional.ofNullable(site);
    }

    public List<KbEntry> entries() {
        return entries;
    }

    /** Every id that resolves to an entry: each entry's own id and its aliases. */
    public Set<String> ids() {
        return byId.keySet();
    }

    private static List<String> ids(KbEntry e) {
        List<String> out = new ArrayList<>();
        out.add(e.id());
        out.addAll(e.aliases());
        return out;
    }

    public Optional<KbEntry> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id.trim().toLowerCase(Locale.ROOT)));
    }

    /** The entry under its own id, however it was reached (an alias names the same explanation). */
    public KbEntry canonical(KbEntry reached) {
        return entries.stream().filter(e -> e.allIds().equals(reached.allIds())).findFirst().orElse(reached);
    }

    public Optional<KbEntry> forOutcome(Outcome outcome) {
        return byId("outcome-" + outcome.id());
    }

    /** The entry for a status code; for an unknown code, the entry for its class (4xx, 5xx…). */
    public Optional<KbEntry> forHttpStatus(int code) {
        Optional<KbEntry> exact = byId("http-" + code);
        if (exact.isPresent()) {
            return exact;
        }
        if (code >= 100 && code <= 999) {
            int cls = Math.min(code / 100, 5);
            return byId("http-class-" + cls + "xx");
        }
        return Optional.empty();
    }

    /** Entries for a Windows error code in any form people type (hex, decimal, signed, symbol). */
    public List<KbEntry> forWindowsError(String typed) {
        List<KbEntry> out = new ArrayList<>();
        if (typed == null || typed.isBlank()) {
            return out;
        }
        Set<Long> wanted = WindowsCodes.values(typed);
        String symbol = typed.trim().toUpperCase(Locale.ROOT);
        for (KbEntry e : entries) {
            if (e.kind() != EntryKind.WINDOWS_ERROR) {
                continue;
            }
            for (String code : e.codes()) {
                boolean match = code.equalsIgnoreCase(symbol)
                        || !wanted.isEmpty() && !WindowsCodes.isSymbol(code)
                        && WindowsCodes.values(code).stream().anyMatch(wanted::contains);
                if (match) {
                    out.add(e);
                    break;
                }
            }
        }
        return out;
    }

    /** The entry for a fatal TLS alert the server sent, by its name ("certificate_required"). */
    public Optional<KbEntry> forTlsAlert(String alert) {
        return alert == null ? Optional.empty() : entries.stream()
                .filter(e -> e.kind() == EntryKind.TLS_ALERT && e.codes().stream().anyMatch(alert::equalsIgnoreCase))
                .findFirst();
    }

    /** A RasSstp event (the SSTP events people mean when they say "event 4"); other sources by name. */
    public Optional<KbEntry> forEvent(int id) {
        return byId("event-rassstp-" + id).or(() -> entries.stream()
                .filter(e -> e.kind() == EntryKind.EVENT && e.eventId() != null && e.eventId() == id).findFirst());
    }

    /**
     * What a person typed into "Look up a code": an HTTP status ("407"), a Windows error
     * ("0x80092013", "-2146885613", "809"), an event ("event 4"), an outcome id, or words. Exact
     * matches come first, then free-text hits by relevance.
     */
    public List<KbEntry> lookup(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        LinkedHashSet<KbEntry> out = new LinkedHashSet<>();
        Matcher event = EVENT.matcher(query);
        if (event.matches()) {
            forEvent(Integer.parseInt(event.group(1))).ifPresent(out::add);
        }
        Matcher http = HTTP.matcher(query);
        if (http.matches()) {
            int code = Integer.parseInt(http.group(1));
            if (code >= 100 && code <= 599) {
                forHttpStatus(code).ifPresent(out::add);
            }
        }
        out.addAll(forWindowsError(query));
        byId(query).ifPresent(out::add);
        Outcome.fromId(query).flatMap(this::forOutcome).ifPresent(out::add);
        for (SearchHit hit : search(query, 10)) {
            out.add(hit.entry());
        }
        return distinct(out);
    }

    /** The entries without repeats of one explanation reached through two of its ids (the first one stays). */
    public static List<KbEntry> distinct(java.util.Collection<KbEntry> found) {
        Map<Set<String>, KbEntry> out = new LinkedHashMap<>();
        for (KbEntry e : found) {
            out.putIfAbsent(e.allIds(), e);
        }
        return List.copyOf(out.values());
    }

    /** A free-text hit and its score. */
    public record SearchHit(KbEntry entry, double score) {
    }

    /**
     * Ranks entries by the query's words: a word in the title or a code counts most, then the
     * summary, then the explanation and steps. Every word must appear somewhere in an entry.
     */
    public List<SearchHit> search(String query, int limit) {
        List<String> words = tokens(query);
        if (words.isEmpty()) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        for (KbEntry e : entries) {
            String title = e.title().toLowerCase(Locale.ROOT);
            String summary = e.summary().toLowerCase(Locale.ROOT);
            String codes = String.join(" ", e.codes()).toLowerCase(Locale.ROOT) + " " + e.id();
            String body = (e.endUser().explanation() + " " + String.join(" ", e.endUser().actions()) + " "
                    + String.join(" ", e.helpdesk().steps())).toLowerCase(Locale.ROOT);
            double score = 0;
            boolean all = true;
            for (String w : words) {
                double s = 0;
                if (containsWord(codes, w)) {
                    s += 10;
                }
                if (containsWord(title, w)) {
                    s += 6;
                } else if (title.contains(w)) {
                    s += 3;
                }
                if (containsWord(summary, w)) {
                    s += 3;
                } else if (summary.contains(w)) {
                    s += 1.5;
                }
                if (body.contains(w)) {
                    s += 1;
                }
                if (s == 0) {
                    all = false;
                    break;
                }
                score += s;
            }
            if (all) {
                hits.add(new SearchHit(e, score));
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(h -> h.entry().id()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "to", "is", "in", "on", "and", "or",
            "my", "i", "it", "what", "does", "mean", "means", "with", "for", "error", "code");

    private static List<String> tokens(String query) {
        List<String> out = new ArrayList<>();
        for (String t : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_x-]+")) {
            if (!t.isEmpty() && !STOP_WORDS.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(^|[^\\p{L}\\p{N}])" + Pattern.quote(word) + "($|[^\\p{L}\\p{N}])").matcher(text).find();
    }
}
