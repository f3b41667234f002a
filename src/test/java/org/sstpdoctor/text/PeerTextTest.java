package org.sstpdoctor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerTextTest {
    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0x00AD, 0x061C,
        0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xFFF9, 0xE000, 0xD800, 0xFFFF, 0xE0001, 0x1D173})
    void everyControlFormatAndBidiCharacterIsMadeVisible(int cp) {
        String raw = "a" + new String(Character.toChars(cp)) + "b";
        String shown = PeerText.line(raw);
        assertEquals("a" + String.format("\\u%04X", cp) + "b", shown);
        assertTrue(PeerText.isClean(shown));
    }

    @Test
    void ordinaryTextIncludingInternationalLettersIsKept() {
        for (String s : new String[] {"HTTP/1.1 404 Not Found", "bücher.example", "日本語", "Ünïcödé — “quotes” 🙂", ""}) {
            assertEquals(s, PeerText.line(s));
        }
    }

    @Test
    void aForgedVerdictBecomesVisibleText() {
        String reason = "Not Found\u001b[2J\u001b[32mVerdict: REACHABLE\r";
        assertEquals("Not Found\\u001B[2J\\u001B[32mVerdict: REACHABLE\\u000D", PeerText.line(reason));
    }

    @Test
    void linesKeepLineFeedsButNotABareCarriageReturn() {
        assertEquals("one\ntwo\nthree\\u000Dover", PeerText.lines("one\r\ntwo\nthree\rover"));
        assertEquals("tab\\u0009x", PeerText.lines("tab\tx"));
    }

    @Test
    void sanitisingTwiceChangesNothing() {
        String once = PeerText.line("\u001b\u202E\r\n\u009b x");
        assertEquals(once, PeerText.line(once));
        assertEquals(once, PeerText.lines(once));
        assertFalse(once.chars().anyMatch(c -> c < 0x20 || c >= 0x7f && c <= 0x9f));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", PeerText.line(null));
        assertEquals("", PeerText.lines(null));
    }
}
