package org.sstpdoctor.text;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads UTF-8 lines of at most a given length from a stream that may be hostile or simply wrong
 * ({@code /dev/zero}, a binary file, a 300 MB line): memory stays bounded by the line limit, and
 * reading stops with a message a person can act on ("line 3 is not UTF-8 text").
 */
public final class BoundedLineReader implements Closeable {
    /** Why reading stopped before the end of the input. */
    public static final class LineException extends IOException {
        LineException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final int maxChars;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private long lineNumber;

    public BoundedLineReader(InputStream in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The number of the line last returned (1-based). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The next line without its line end, or null at the end of the input. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        // UTF-8 needs at most 4 bytes per character: past that many bytes the line is surely too long.
        long maxBytes = 4L * maxChars;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.write(buffer, start, position - start);
            if (line.size() > maxBytes) {
                throw tooLong(lineNumber + 1);
            }
            if (position < limit) {
                position++; // the '\n'
                break;
            }
        }
        lineNumber++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text;
        try {
            text = BoundedFiles.decodeUtf8(java.util.Arrays.copyOf(bytes, length));
        } catch (IOException e) {
            throw new LineException("line " + lineNumber + " is not UTF-8 text");
        }
        if (lineNumber == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.codePointCount(0, text.length()) > maxChars) {
            throw tooLong(lineNumber);
        }
        return text;
    }

    private LineException tooLong(long number) {
        return new LineException(String.format(Locale.ROOT, "line %d is longer than %,d characters", number, maxChars));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
