package org.sstpdoctor.kb;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a Windows error code the way people type it: {@code 0x80092013}, {@code 80092013},
 * {@code -2146885613}, {@code 2148081683}, {@code 809}, {@code error 809}, or a symbol such as
 * {@code CRYPT_E_REVOCATION_OFFLINE}. Numbers become unsigned 32-bit values; several readings are
 * returned when the text is ambiguous (an 8-digit number may be hex without its 0x).
 */
public final class WindowsCodes {
    private WindowsCodes() {
    }

    /** Every numeric value the text could mean; empty when it is not a number. */
    public static Set<Long> values(String typed) {
        Set<Long> out = new LinkedHashSet<>();
        if (typed == null) {
            return out;
        }
        String t = typed.trim().toLowerCase(Locale.ROOT)
                .replaceFirst("^(windows\\s+)?(error|code|err|hresult)\\s*(code)?\\s*[:#]?\\s*", "")
                .replace(" ", "");
        if (t.isEmpty()) {
            return out;
        }
        try {
            if (t.startsWith("0x")) {
                String hex = t.substring(2);
                if (!hex.isEmpty() && hex.length() <= 8 && hex.matches("[0-9a-f]+")) {
                    out.add(Long.parseLong(hex, 16));
                }
                return out;
            }
            if (t.startsWith("-")) {
                if (t.length() <= 12 && t.substring(1).matches("\\d+")) {
                    long v = Long.parseLong(t);
                    if (v >= Integer.MIN_VALUE) {
                        out.add(v & 0xFFFFFFFFL);
                    }
                }
                return out;
            }
            if (t.matches("[0-9a-f]{8}") && !t.matches("\\d+")) {
                out.add(Long.parseLong(t, 16)); // hex digits without 0x: 800B0109
                return out;
            }
            if (t.matches("\\d{1,10}")) {
                long v = Long.parseLong(t);
                if (t.length() == 8 && t.startsWith("8")) {
                    out.add(Long.parseLong(t, 16)); // 80092013: an HRESULT typed without 0x, most likely
                }
                if (v <= 0xFFFFFFFFL) {
                    out.add(v);
                }
            }
        } catch (NumberFormatException e) {
            return out;
        }
        return out;
    }

    /** Whether the text looks like a symbolic error name (CERT_E_EXPIRED, ERROR_VPN_TIMEOUT). */
    public static boolean isSymbol(String typed) {
        return typed != null && typed.trim().matches("[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+");
    }

    public static String hex(long value) {
        return String.format(Locale.ROOT, "0x%08X", value);
    }
}
