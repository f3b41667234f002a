package org.sstpdoctor.kb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The built-in knowledge base pre-read at build time ({@code ./mvnw} runs {@link #main} after
 * compiling, execution {@code knowledge-index} in pom.xml): the JSON files are read and checked once
 * by {@link KnowledgeBase#parse}, with Jackson, and their entries written here as plain values, which
 * a short-lived process reads in a few milliseconds instead of running Jackson's data binding over
 * 300 KB of JSON at every start. The JSON files stay the one source; the index also holds a CRC of
 * each, and one that no longer matches them (a JSON file edited since the build) is not used.
 */
public final class KnowledgeIndex {
    /** The index resource, beside the JSON files. */
    static final String RESOURCE = "knowledge.index";
    private static final int FORMAT = 1;

    private KnowledgeIndex() {
    }

    /** Writes the index of the JSON resources found in {@code classes} (the build's output folder). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0], "org", "sstpdoctor", "kb");
        List<byte[]> sources = new ArrayList<>();
        List<KbEntry> entries = new ArrayList<>();
        for (String name : KnowledgeBase.RESOURCES) {
            byte[] json = Files.readAllBytes(dir.resolve(name));
            sources.add(json);
            entries.addAll(KnowledgeBase.parse(new ByteArrayInputStream(json), name));
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(RESOURCE))) {
            write(sources, entries, out);
        }
        System.out.println("knowledge index: " + entries.size() + " entries, " + Files.size(dir.resolve(RESOURCE)) + " bytes");
    }

    static void write(List<byte[]> sources, List<KbEntry> entries, OutputStream to) throws IOException {
        DataOutputStream out = new DataOutputStream(to);
        out.writeInt(FORMAT);
        out.writeInt(sources.size());
        for (byte[] source : sources) {
            out.writeLong(crc(source));
        }
        out.writeInt(entries.size());
        for (KbEntry e : entries) {
            text(out, e.id());
            text(out, e.kind() == null ? null : e.kind().name());
            number(out, e.httpStatus());
            number(out, e.httpClass());
            out.writeByte(e.registered() == null ? 2 : e.registered() ? 1 : 0);
            text(out, e.outcome());
            texts(out, e.codes());
            text(out, e.eventSource());
            number(out, e.eventId());
            text(out, e.title());
            text(out, e.summary());
            texts(out, e.sentBy());
            text(out, e.endUser().explanation());
            texts(out, e.endUser().actions());
            texts(out, e.helpdesk().steps());
            text(out, e.helpdesk().contact());
            texts(out, e.culprits());
            texts(out, e.probeOutcomes());
            texts(out, e.related());
            out.writeInt(e.references().size());
            for (Reference r : e.references()) {
                text(out, r.title());
                text(out, r.url());
            }
            texts(out, e.aliases());
        }
        out.flush();
    }

    /**
     * The entries of {@code index} when it was made from exactly {@code sources} (the JSON resources'
     * bytes, in {@link KnowledgeBase#RESOURCES} order); empty when it was not, or is of another format.
     */
    static Optional<List<KbEntry>> read(byte[] index, List<byte[]> sources) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(index));
        if (in.readInt() != FORMAT || in.readInt() != sources.size()) {
            return Optional.empty();
        }
        for (byte[] source : sources) {
            if (in.readLong() != crc(source)) {
                return Optional.empty();
            }
        }
        int count = in.readInt();
        List<KbEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = text(in);
            String kind = text(in);
            Integer httpStatus = number(in);
            Integer httpClass = number(in);
            int registered = in.readByte();
            String outcome = text(in);
            List<String> codes = texts(in);
            String eventSource = text(in);
            Integer eventId = number(in);
            String title = text(in);
            String summary = text(in);
            List<String> sentBy = texts(in);
            EndUserText endUser = new EndUserText(text(in), texts(in));
            HelpdeskText helpdesk = new HelpdeskText(texts(in), text(in));
            List<String> culprits = texts(in);
            List<String> probeOutcomes = texts(in);
            List<String> related = texts(in);
            int referenceCount = in.readInt();
            List<Reference> references = new ArrayList<>(referenceCount);
            for (int r = 0; r < referenceCount; r++) {
                references.add(new Reference(text(in), text(in)));
            }
            List<String> aliases = texts(in);
            entries.add(new KbEntry(id, kind == null ? null : EntryKind.valueOf(kind), httpStatus, httpClass,
                    registered == 2 ? null : registered == 1, outcome, codes, eventSource, eventId, title, summary, sentBy,
                    endUser, helpdesk, culprits, probeOutcomes, related, references, aliases));
        }
        return Optional.of(entries);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void texts(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            text(out, s);
        }
    }

    private static List<String> texts(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<String> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(text(in));
        }
        return list;
    }

    private static void number(DataOutputStream out, Integer n) throws IOException {
        out.writeBoolean(n != null);
        if (n != null) {
            out.writeInt(n);
        }
    }

    private static Integer number(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }
}
