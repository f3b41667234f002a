package org.sstpdoctor.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's pre-read knowledge base (kb.KnowledgeIndex) against the JSON files it was made from. */
class KnowledgeIndexTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private static List<byte[]> sources() throws IOException {
        List<byte[]> sources = new ArrayList<>();
        for (String name : KnowledgeBase.RESOURCES) {
            sources.add(resource(name));
        }
        return sources;
    }

    /** Every entry, field by field, as Jackson reads it from the JSON (records compare every component). */
    private static List<KbEntry> fromJson(List<byte[]> sources) throws IOException {
        List<KbEntry> entries = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            entries.addAll(KnowledgeBase.parse(new ByteArrayInputStream(sources.get(i)), KnowledgeBase.RESOURCES.get(i)));
        }
        return entries;
    }

    @Test
    void theIndexHoldsExactlyWhatTheJsonFilesSay() throws IOException {
        List<byte[]> sources = sources();
        List<KbEntry> json = fromJson(sources);
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        KnowledgeIndex.write(sources, json, index);
        assertEquals(json, KnowledgeIndex.read(index.toByteArray(), sources).orElseThrow());
        assertTrue(json.size() > 100, "entries: " + json.size());
        // nulls and empty lists survive as they were read: an entry without an HTTP status, a registered flag...
        assertTrue(json.stream().anyMatch(e -> e.httpStatus() == null) && json.stream().anyMatch(e -> e.registered() == null));
    }

    /** The build made the index (execution knowledge-index in pom.xml) from these very files. */
    @Test
    void theBuiltInKnowledgeBaseIsTheBuildsIndexOfTheseFiles() throws IOException {
        List<byte[]> sources = sources();
        List<KbEntry> indexed = KnowledgeIndex.read(resource(KnowledgeIndex.RESOURCE), sources).orElseThrow(
                () -> new AssertionError("the build's knowledge.index does not match the JSON files"));
        assertEquals(fromJson(sources), indexed);
        assertEquals(indexed, KnowledgeBase.builtIn().entries());
    }

    @Test
    void anIndexOfOtherFilesIsNotUsed() throws IOException {
        List<byte[]> sources = sources();
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        KnowledgeIndex.write(sources, fromJson(sources), index);
        List<byte[]> edited = new ArrayList<>(sources);
        byte[] changed = edited.get(1).clone();
        changed[changed.length / 2] ^= 1;
        edited.set(1, changed);
        assertTrue(KnowledgeIndex.read(index.toByteArray(), edited).isEmpty(), "an edited JSON file");
        assertTrue(KnowledgeIndex.read(index.toByteArray(), sources.subList(0, 3)).isEmpty(), "a file fewer");
        byte[] otherFormat = index.toByteArray();
        otherFormat[3] = 99;
        assertTrue(KnowledgeIndex.read(otherFormat, sources).isEmpty(), "another format");
    }
}
