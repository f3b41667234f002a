package org.sstpdoctor.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The servers to probe: the command line's addresses, then the file's lines, read lazily so a long
 * list never sits in memory. '#' starts a comment (at the start of a line or after a space); blank
 * lines are skipped.
 */
final class AddressSource implements Iterator<String>, Closeable {
    private final Iterator<String> given;
    private final BufferedReader reader;
    private String next;
    private String error;

    AddressSource(List<String> addresses, Path file, InputStream stdin) throws IOException {
        this.given = List.copyOf(addresses).iterator();
        if (file == null) {
            reader = null;
        } else if (file.toString().equals("-")) {
            reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        } else {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
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
        } catch (IOException e) {
            error = e.getMessage();
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
