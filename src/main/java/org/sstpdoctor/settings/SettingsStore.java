package org.sstpdoctor.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sstpdoctor.kb.ConfigFolder;

/**
 * Reads and writes {@link Settings} as JSON in one file. Loading never fails: the app must start even
 * when the file is missing, unreadable or damaged; it then runs on the defaults and
 * {@link #lastProblem()} says why, in one line a person can act on.
 */
public final class SettingsStore {
    /** Far beyond any real settings file; a bigger one is not ours, and reading it would waste memory. */
    static final long MAX_BYTES = 1 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private volatile String lastProblem;

    public SettingsStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** settings.json in this user's SSTP Doctor folder (beside kb-overrides.json). */
    public static SettingsStore ofThisUser() {
        return new SettingsStore(ConfigFolder.ofThisUser().resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    /** What went wrong in the last {@link #load()} or {@link #save}, if anything did. */
    public Optional<String> lastProblem() {
        return Optional.ofNullable(lastProblem);
    }

    /** The saved settings, or the defaults when there are none or they cannot be read. Never throws. */
    public Settings load() {
        lastProblem = null;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return problem("The settings file " + file + " is too large (" + size + " bytes) to be SSTP Doctor's;"
                        + " using the default settings.");
            }
            JsonNode tree = MAPPER.readTree(Files.readAllBytes(file));
            if (tree == null || !tree.isObject()) {
                return problem("The settings file " + file + " does not hold settings (expected a JSON object);"
                        + " using the default settings.");
            }
            JsonNode schema = tree.get("schema");
            if (schema != null && !schema.asText().startsWith("sstp-doctor/settings/")) {
                return problem("The settings file " + file + " is of another kind (schema '" + oneLine(schema.asText(), 60)
                        + "'); using the default settings.");
            }
            return MAPPER.treeToValue(tree, Settings.class);
        } catch (NoSuchFileException e) {
            // First run: nothing saved yet, which is not a problem.
            return Settings.defaults();
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null || where.getLineNr() < 0 ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            return problem("The settings file " + file + " is damaged" + at + " (" + oneLine(e.getOriginalMessage(), 120)
                    + "); using the default settings.");
        } catch (IOException | RuntimeException e) {
            return problem("The settings file " + file + " cannot be read (" + oneLine(describe(e), 120)
                    + "); using the default settings.");
        }
    }

    /**
     * Writes the settings atomically: to a temporary file in the same folder, flushed to disk, then
     * moved over the old file, so a crash or full disk leaves either the old file or the new one,
     * never half of one. On POSIX systems the file (and a folder created here) is the owner's only.
     */
    public void save(Settings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        try {
            write(MAPPER.writeValueAsBytes(settings));
            lastProblem = null;
        } catch (IOException e) {
            lastProblem = "The settings could not be saved to " + file + " (" + oneLine(describe(e), 120) + ").";
            throw e;
        }
    }

    private void write(byte[] json) throws IOException {
        Path folder = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            } else {
                Files.createDirectories(folder);
            }
        }
        // Created owner-only, so the settings are never readable by others, not even for a moment; the move keeps that.
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)} : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(folder, ".settings-", ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(channel)) {
                out.write(json);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Settings problem(String message) {
        lastProblem = message;
        return Settings.defaults();
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    private static String oneLine(String s, int max) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }
}
