package org.sstpdoctor.settings;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/** Converting a password between chars and bytes without ever making it a String. */
final class Passwords {
    private Passwords() {
    }

    static byte[] encode(char[] password, Charset charset) {
        ByteBuffer buffer;
        try {
            buffer = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the password is not valid text (a broken surrogate pair)");
        }
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    static char[] decode(byte[] bytes, int length, Charset charset) throws CharacterCodingException {
        CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
        char[] out = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        return out;
    }

    /** Passwords the stores accept: not empty, no line breaks or NULs (a line-based helper would cut them). */
    /** How much of a tool's output is the password: all of it but one final line break. */
    static int lengthWithoutFinalNewline(byte[] out) {
        return out.length > 0 && out[out.length - 1] == '\n' ? out.length - 1 : out.length;
    }

    static void check(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("an empty password is not stored");
        }
        if (password.length > 1000) {
            throw new IllegalArgumentException("the password is too long to store (over 1000 characters)");
        }
        for (char c : password) {
            if (c == '\n' || c == '\r' || c == '\0') {
                throw new IllegalArgumentException("a password with a line break or NUL character cannot be stored");
            }
        }
    }
}
