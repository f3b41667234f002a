package org.sstpdoctor.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstpdoctor.probe.Outcome;

/** Completeness and quality of the shipped knowledge base: a failing test names the entry and the problem. */
class KnowledgeBaseContentTest {
    static final KnowledgeBase KB = KnowledgeBase.builtIn();

    /** The IANA HTTP Status Code Registry, kept as a fixture. */
    static Map<Integer, String> ianaRegistry() throws IOException {
        Map<Integer, String> codes = new LinkedHashMap<>();
        try (InputStream in = KnowledgeBaseContentTest.class.getResourceAsStream("/kb/iana-http-status-codes.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            assertEquals("code,description", line);
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                codes.put(Integer.parseInt(line.substring(0, comma).trim()), line.substring(comma + 1).trim());
            }
        }
        return codes;
    }

    @Test
    void everyRegisteredHttpStatusHasAnEntry() throws IOException {
        Map<Integer, String> iana = ianaRegistry();
        assertTrue(iana.size() >= 60, "the fixture lists the registry: " + iana.size());
        for (int code : List.of(100, 101, 200, 204, 301, 400, 404, 407, 421, 425, 426, 428, 429, 431, 451, 500, 503, 506, 507,
                508, 510, 511)) {
            assertTrue(iana.containsKey(code), "fixture misses " + code);
        }
        List<String> missing = new ArrayList<>();
        for (int code : iana.keySet()) {
            var entry = KB.byId("http-" + code);
            if (entry.isEmpty() || !Boolean.TRUE.equals(entry.get().registered()) || entry.get().httpStatus() != code) {
                missing.add(code + " " + iana.get(code));
            }
        }
        assertEquals(List.of(), missing, "registered codes without a correct entry");
        for (KbEntry e : KB.entries()) {
            if (e.kind() == EntryKind.HTTP_STATUS && Boolean.TRUE.equals(e.registered())) {
                assertTrue(iana.containsKey(e.httpStatus()), e.id() + " claims to be registered but is not in the registry");
            }
        }
    }

    @Test
    void everyClassHasAFallback() {
        for (int cls = 1; cls <= 5; cls++) {
            assertTrue(KB.byId("http-class-" + cls + "xx").isPresent(), "class " + cls + "xx");
        }
        assertEquals("http-class-4xx", KB.forHttpStatus(419).orElseThrow().id());
        assertEquals("http-class-5xx", KB.forHttpStatus(588).orElseThrow().id());
        assertEquals("http-class-4xx", KB.forHttpStatus(469).orElseThrow().id());
    }

    @Test
    void everyProbeOutcomeHasAnEntry() {
        List<String> missing = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            var e = KB.forOutcome(o);
            if (e.isEmpty() || !o.id().equals(e.get().outcome())) {
                missing.add(o.id());
            }
        }
        assertEquals(List.of(), missing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x80092013", "0x800B0109", "0x800B010F", "0x800B0101", "809", "806", "720", "741", "742",
        "789", "691", "0x80072746", "0x80070040"})
    void windowsErrorsPeopleComeWith(String code) {
        List<KbEntry> found = KB.forWindowsError(code);
        assertEquals(1, found.size(), code + " -> " + found.stream().map(KbEntry::id).toList());
    }

    @Test
    void rasSstpEventFamily() {
        for (int id : List.of(1, 2, 3, 4, 5, 6, 16, 23)) {
            KbEntry e = KB.forEvent(id).orElseThrow(() -> new AssertionError("event " + id));
            assertEquals("Microsoft-Windows-RasSstp", e.eventSource());
        }
        assertTrue(KB.byId("event-rasclient-20227").isPresent());
    }

    @Test
    void filesMatchTheSchema() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema schema;
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("kb-file.schema.json")) {
            schema = factory.getSchema(in);
        }
        ObjectMapper mapper = new ObjectMapper();
        for (String name : KnowledgeBase.RESOURCES) {
            try (InputStream in = KnowledgeBase.class.getResourceAsStream(name)) {
                JsonNode node = mapper.readTree(in);
                Set<ValidationMessage> errors = schema.validate(node);
                assertEquals(Set.of(), errors.stream().map(ValidationMessage::getMessage).limit(20).collect(Collectors.toSet()),
                        name + " does not match kb-file.schema.json");
            }
        }
    }

    @Test
    void idsAreUniqueAndLinksResolve() {
        Set<String> ids = new HashSet<>();
        for (KbEntry e : KB.entries()) {
            assertTrue(ids.add(e.id()), "duplicate id " + e.id());
        }
        Set<String> outcomeIds = java.util.Arrays.stream(Outcome.values()).map(Outcome::id).collect(Collectors.toSet());
        List<String> broken = new ArrayList<>();
        for (KbEntry e : KB.entries()) {
            for (String r : e.related()) {
                if (!ids.contains(r)) {
                    broken.add(e.id() + " -> " + r);
                }
            }
            for (String o : e.probeOutcomes()) {
                if (!outcomeIds.contains(o)) {
                    broken.add(e.id() + " names unknown outcome " + o);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyEntryIsCompleteAndReferenced() {
        List<String> problems = new ArrayList<>();
        for (KbEntry e : KB.entries()) {
            if (e.title().isBlank() || e.summary().isBlank()) {
                problems.add(e.id() + ": title or summary missing");
            }
            if (e.endUser().explanation().isBlank() || e.endUser().actions().isEmpty()) {
                problems.add(e.id() + ": end-user text missing");
            }
            if (e.helpdesk().steps().size() < 2 || e.helpdesk().contact().isBlank()) {
                problems.add(e.id() + ": helpdesk steps or contact missing");
            }
            if (e.culprits().isEmpty()) {
                problems.add(e.id() + ": no culprits");
            }
            if (e.references().isEmpty() || e.references().stream().anyMatch(r -> !r.url().startsWith("http"))) {
                problems.add(e.id() + ": no usable reference");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The readability bound documented in FORMAT.md and Readability: short sentences, no jargon. */
    @Test
    void endUserTextIsPlainEnglish() {
        List<String> problems = new ArrayList<>();
        for (KbEntry e : KB.entries()) {
            for (String p : Readability.problems(e.endUser().explanation())) {
                problems.add(e.id() + " explanation: " + p);
            }
            for (String action : e.endUser().actions()) {
                for (String p : Readability.problems(action)) {
                    problems.add(e.id() + " action: " + p);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void sstpSpecificMeaningsAreThere() {
        assertTrue(text("http-407").contains("Access Denied") || text("http-407").contains("cannot"), text("http-407"));
        assertTrue(KB.byId("http-407").orElseThrow().sentBy().contains("proxy"));
        assertTrue(text("http-404").toLowerCase().contains("sstp"));
        assertTrue(KB.byId("http-503").orElseThrow().helpdesk().steps().stream().anyMatch(s -> s.toLowerCase().contains("port")));
        assertTrue(KB.byId("http-400").orElseThrow().helpdesk().steps().stream().anyMatch(s -> s.toLowerCase().contains("passthrough")
                || s.toLowerCase().contains("pass-through") || s.toLowerCase().contains("layer 4") || s.toLowerCase().contains("tcp")));
    }

    private static String text(String id) {
        KbEntry e = KB.byId(id).orElseThrow(() -> new AssertionError(id));
        return e.summary() + " " + e.endUser().explanation() + " " + String.join(" ", e.helpdesk().steps());
    }

    @Test
    void readabilityRuleItselfWorks() {
        assertEquals(List.of(), Readability.problems("The proxy refused. Ask your IT team."));
        assertFalse(Readability.problems("The TLS handshake failed.").isEmpty());
        assertFalse(Readability.problems(("word ".repeat(40)).trim() + ".").isEmpty());
    }
}
