package org.sstpdoctor.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a small file that a person pointed to (site overrides, a CA file) without trusting it:
 * only a regular file (not {@code /dev/zero}, a FIFO or a directory), at most a given size, and,
 * for text, only UTF-8. Every refusal is an {@link IOException} whose message is a plain sentence
 * ending that starts "is ..." so callers can write "The file X is ...".
 */
public final class BoundedFiles {
    private BoundedFiles() {
    }

    /** The file's bytes; {@link NoSuchFileException} when it does not exist. */
    public static byte[] readBytes(Path file, long maxBytes) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(Files.isDirectory(file) ? "is a folder, not a file" : "is not a regular file");
        }
        // The size is checked again while reading: a file may grow, and some file systems report 0.
        if (Files.size(file) > maxBytes) {
            throw new IOException(tooLarge(maxBytes));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (data.length > maxBytes) {
                throw new IOException(tooLarge(maxBytes));
            }
            return data;
        }
    }

    /** The file as UTF-8 text (a leading byte-order mark dropped). */
    public static String readText(Path file, long maxBytes) throws IOException {
        return decodeUtf8(readBytes(file, maxBytes));
    }

    public static String decodeUtf8(byte[] data) throws IOException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IOException("is not UTF-8 text");
        }
    }

    static String tooLarge(long maxBytes) {
        return "is larger than " + size(maxBytes) + ", more than such a file ever needs";
    }

    /** "1 MiB", "64 KiB", "512 bytes". */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return String.format(Locale.ROOT, "%d KiB", bytes >> 10);
        }
        return bytes + " bytes";
    }
}
