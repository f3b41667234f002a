package org.sstpdoctor.kb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sstpdoctor.text.BoundedFiles;
import org.sstpdoctor.text.PeerText;

/**
 * A helpdesk's own words added to or replacing the built-in text, per entry: "call extension 4321",
 * the internal proxy's name. Read from a JSON file in the user's config folder (or one pointed to).
 * A broken file never breaks the app: it is ignored, and {@link #problems()} says why in plain words.
 *
 * <pre>{@code
 * {
 *   "site": "Contoso IT",
 *   "overrides": [
 *     {"id": "http-407",
 *      "replace": {"helpdesk.contact": "The network desk, extension 4321."},
 *      "add": {"helpdesk.steps": ["Our proxy is proxy.contoso.local; ask for the VPN host to be exempted."]}},
 *     {"id": "*", "add": {"endUser.actions": ["Call the Contoso service desk on extension 4321."]}}
 *   ]
 * }
 * }</pre>
 * The id {@code *} applies to every entry. Fields: {@code title}, {@code summary},
 * {@code endUser.explanation}, {@code endUser.actions}, {@code helpdesk.steps}, {@code helpdesk.contact};
 * {@code add} takes the two list fields and appends to them.
 */
public final class SiteOverrides {
    public static final String FILE_NAME = "kb-overrides.json";
    public static final String ENVIRONMENT_VARIABLE = "SSTP_DOCTOR_KB_OVERRIDES";
    static final Set<String> TEXT_FIELDS = Set.of("title", "summary", "endUser.explanation", "helpdesk.contact");
    static final Set<String> LIST_FIELDS = Set.of("endUser.actions", "helpdesk.steps");
    /** A site's overrides are a few sentences; a larger file is a mistake or an attack. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /** Jackson's own limits, far above any sensible overrides file and far below what would hurt. */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(64 * 1024)
            .maxNumberLength(32)
            .maxNameLength(1024)
            .maxDocumentLength(MAX_FILE_BYTES)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build());

    private record Change(Map<String, String> replaceText, Map<String, List<String>> replaceList,
                          Map<String, List<String>> add) {
    }

    private final String site;
    private final Path source;
    private final Map<String, List<Change>> changes;
    private final List<String> problems;

    private SiteOverrides(String site, Path source, Map<String, List<Change>> changes, List<String> problems) {
        this.site = site;
        this.source = source;
        this.changes = changes;
        this.problems = List.copyOf(problems);
    }

    public static SiteOverrides none() {
        return new SiteOverrides(null, null, Map.of(), List.of());
    }

    /** The file the app looks for: the env variable's path, else the config folder's kb-overrides.json. */
    public static Path defaultLocation(Map<String, String> environment, String osName, String userHome) {
        String pointed = environment.get(ENVIRONMENT_VARIABLE);
        if (pointed != null && !pointed.isBlank()) {
            return Path.of(pointed.trim());
        }
        return ConfigFolder.of(environment, osName, userHome).resolve(FILE_NAME);
    }

    /** Loads overrides; a missing file means none, a broken one is ignored with its problems said. */
    public static SiteOverrides load(Path file, Set<String> knownIds) {
        if (file == null) {
            return none();
        }
        String text;
        try {
            text = BoundedFiles.readText(file, MAX_FILE_BYTES);
        } catch (NoSuchFileException e) {
            return none();
        } catch (IOException e) {
            String why = String.valueOf(e.getMessage());
            return broken(file, why.startsWith("is ") ? why : "cannot be read (" + PeerText.line(e.toString()) + ")");
        } catch (RuntimeException e) {
            return broken(file, "cannot be read (" + PeerText.line(e.toString()) + ")");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            return broken(file, limitExceeded(e.getMessage()));
        } catch (JsonProcessingException e) {
            return broken(file, "is not valid JSON (" + where(e) + PeerText.line(shortMessage(e.getOriginalMessage())) + ")");
        } catch (RuntimeException e) {
            // Jackson signals a few limits unchecked; a bad overrides file is still only a warning.
            return broken(file, "is not valid JSON (" + PeerText.line(shortMessage(e.getMessage())) + ")");
        }
        if (root == null || !root.isObject() || !root.path("overrides").isArray()) {
            return broken(file, "needs a list called \"overrides\" (see the README for the format)");
        }
        List<String> problems = new ArrayList<>();
        Map<String, List<Change>> changes = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode item : root.path("overrides")) {
            index++;
            String where = "override " + index;
            String id = PeerText.line(item.path("id").asText("").trim().toLowerCase(Locale.ROOT));
            if (id.isEmpty()) {
                problems.add(where + " has no \"id\" and was skipped");
                continue;
            }
            where = where + " (" + id + ")";
            if (!id.equals("*") && !knownIds.contains(id)) {
                problems.add(where + ": there is no entry with that id; it was skipped");
                continue;
            }
            Map<String, String> replaceText = new LinkedHashMap<>();
            Map<String, List<String>> replaceList = new LinkedHashMap<>();
            Map<String, List<String>> add = new LinkedHashMap<>();
            boolean ok = readReplace(item.path("replace"), replaceText, replaceList, problems, where)
                    & readAdd(item.path("add"), add, problems, where);
            for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!Set.of("id", "replace", "add").contains(name)) {
                    problems.add(where + ": \"" + PeerText.line(name) + "\" is not understood (use \"replace\" or \"add\")");
                }
            }
            if (ok) {
                changes.computeIfAbsent(id, k -> new ArrayList<>()).add(new Change(replaceText, replaceList, add));
            }
        }
        String site = root.path("site").isTextual() ? PeerText.line(root.path("site").asText().trim()) : null;
        return new SiteOverrides(site == null || site.isEmpty() ? null : site, file, changes, problems);
    }

    private static boolean readReplace(JsonNode node, Map<String, String> text, Map<String, List<String>> lists,
                                       List<String> problems, String where) {
        if (node.isMissingNode()) {
            return true;
        }
        if (!node.isObject()) {
            problems.add(where + ": \"replace\" must be an object of field names; skipped");
            return false;
        }
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (TEXT_FIELDS.contains(f.getKey()) && f.getValue().isTextual() && !f.getValue().asText().isBlank()) {
                text.put(f.getKey(), PeerText.line(f.getValue().asText().trim()));
            } else if (LIST_FIELDS.contains(f.getKey()) && isTextList(f.getValue())) {
                lists.put(f.getKey(), textList(f.getValue()));
            } else {
                problems.add(where + ": cannot replace \"" + PeerText.line(f.getKey()) + "\" with that value; skipped");
                ok = false;
            }
        }
        return ok;
    }

    private static boolean readAdd(JsonNode node, Map<String, List<String>> add, List<String> problems, String where) {
        if (node.isMissingNode()) {
            return true;
        }
        if (!node.isObject()) {
            problems.add(where + ": \"add\" must be an object of field names; skipped");
            return false;
        }
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (LIST_FIELDS.contains(f.getKey()) && isTextList(f.getValue())) {
                add.put(f.getKey(), textList(f.getValue()));
            } else {
                problems.add(where + ": can only add a list of sentences to endUser.actions or helpdesk.steps, not \""
                        + PeerText.line(f.getKey()) + "\"; skipped");
                ok = false;
            }
        }
        return ok;
    }

    private static boolean isTextList(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode n : node) {
            if (!n.isTextual() || n.asText().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> textList(JsonNode node) {
        List<String> out = new ArrayList<>();
        // The file is not ours either: its sentences are shown in the window, the terminal and reports.
        node.forEach(n -> out.add(PeerText.line(n.asText().trim())));
        return out;
    }

    /** Jackson's limit messages name its API; a person needs to know which limit. */
    private static String limitExceeded(String message) {
        String m = String.valueOf(message);
        if (m.contains("nesting depth")) {
            return "is nested more than " + LIMITS.getMaxNestingDepth() + " levels deep";
        }
        if (m.contains("Number value length")) {
            return "holds a number longer than " + LIMITS.getMaxNumberLength() + " digits";
        }
        if (m.contains("String value length")) {
            return String.format(Locale.ROOT, "holds a text longer than %,d characters", LIMITS.getMaxStringLength());
        }
        if (m.contains("Name length")) {
            return String.format(Locale.ROOT, "holds a field name longer than %,d characters", LIMITS.getMaxNameLength());
        }
        return "is larger than an overrides file may be (" + PeerText.line(shortMessage(m)) + ")";
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    }

    /** Jackson's messages can quote a whole offending token; a warning needs its start. */
    private static String shortMessage(String message) {
        String m = message == null ? "unreadable" : message;
        return m.length() <= 200 ? m : m.substring(0, 199) + "…";
    }

    private static SiteOverrides broken(Path file, String why) {
        return new SiteOverrides(null, file, Map.of(), List.of("The site overrides file " + file + " " + why
                + ". It was ignored; the built-in text is used."));
    }

    KbEntry apply(KbEntry entry) {
        KbEntry result = entry;
        List<String> ids = new java.util.ArrayList<>(List.of("*", entry.id()));
        ids.addAll(entry.aliases());
        for (String id : ids) {
            for (Change c : changes.getOrDefault(id, List.of())) {
                result = apply(result, c);
            }
        }
        return result;
    }

    private static KbEntry apply(KbEntry e, Change c) {
        String title = c.replaceText().getOrDefault("title", e.title());
        String summary = c.replaceText().getOrDefault("summary", e.summary());
        String explanation = c.replaceText().getOrDefault("endUser.explanation", e.endUser().explanation());
        String contact = c.replaceText().getOrDefault("helpdesk.contact", e.helpdesk().contact());
        List<String> actions = new ArrayList<>(c.replaceList().getOrDefault("endUser.actions", e.endUser().actions()));
        actions.addAll(c.add().getOrDefault("endUser.actions", List.of()));
        List<String> steps = new ArrayList<>(c.replaceList().getOrDefault("helpdesk.steps", e.helpdesk().steps()));
        steps.addAll(c.add().getOrDefault("helpdesk.steps", List.of()));
        return e.withText(title, summary, new EndUserText(explanation, actions), new HelpdeskText(steps, contact));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public String site() {
        return site;
    }

    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** Plain-English messages about what in the file was wrong or skipped; empty when all was applied. */
    public List<String> problems() {
        return problems;
    }
}
