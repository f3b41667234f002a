package org.sstpdoctor.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.sstpdoctor.text.BoundedLineReader;
import org.sstpdoctor.text.PeerText;

/**
 * The servers to probe: the command line's addresses, then the file's lines, read lazily so a long
 * list never sits in memory. '#' starts a comment (at the start of a line or after a space); blank
 * lines are skipped.
 */
final class AddressSource implements Iterator<String>, Closeable {
    private final Iterator<String> given;
    /** Far longer than any address (the parser's own limit is shorter), far shorter than what would hurt. */
    static final int MAX_LINE = 4096;

    private final BoundedLineReader reader;
    private String next;
    private String error;

    AddressSource(List<String> addresses, Path file, InputStream stdin) throws IOException {
        this.given = List.copyOf(addresses).iterator();
        if (file == null) {
            reader = null;
        } else if (file.toString().equals("-")) {
            reader = new BoundedLineReader(stdin, MAX_LINE);
        } else if (Files.isDirectory(file)) {
            throw new IOException("it is a folder, not a file");
        } else {
            // Any file that streams lines will do (a FIFO, a pipe); the reader bounds what one line can hold.
            reader = new BoundedLineReader(Files.newInputStream(file), MAX_LINE);
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (given.hasNext()) {
            next = given.next();
            return true;
        }
        if (reader == null) {
            return false;
        }
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                String cleaned = stripComment(line).strip();
                if (!cleaned.isEmpty()) {
                    next = cleaned;
                    return true;
                }
            }
        } catch (BoundedLineReader.LineException e) {
            error = e.getMessage();
        } catch (IOException e) {
            error = PeerText.line(String.valueOf(e.getMessage()));
        }
        return false;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String s = next;
        next = null;
        return s;
    }

    static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Why reading stopped early, or null. */
    String error() {
        return error;
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // nothing more to read either way
            }
        }
    }
}
