package org.sstpdoctor.profiles;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sstpdoctor.text.Sentences;
import org.sstpdoctor.text.UntrustedText;

/**
 * Reads a Windows phone book ({@code rasphone.pbk}): an INI-style file where each {@code [section]}
 * is one connection, named as the person sees it, and {@code PhoneNumber=} holds its server.
 * {@code Type=2} marks a VPN entry (RASET_Vpn = 2 in ras.h); {@code VpnStrategy=} says which tunnels
 * it tries ({@link VpnStrategy}). Anything it does not understand is skipped, never fatal: a broken
 * line, a section without a server, a value out of range.
 */
public final class PhonebookParser {
    /** A phone book is a few KiB per connection; more than this is not a phone book. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ENTRIES = 200;
    private static final int MAX_NAME = 256;
    private static final int RASET_VPN = 2;

    private PhonebookParser() {
    }

    /** The VPN connections in the file's bytes, in file order; {@code source} says which phone book. */
    public static List<VpnProfile> parse(byte[] bytes, String source) {
        if (bytes == null || bytes.length > MAX_BYTES) {
            return List.of();
        }
        String text = decode(bytes);
        List<VpnProfile> out = new ArrayList<>();
        String section = null;
        Map<String, String> keys = new LinkedHashMap<>();
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]") && line.length() > 2) {
                add(out, section, keys, source);
                section = line.substring(1, line.length() - 1);
                keys = new LinkedHashMap<>();
                continue;
            }
            if (section == null || line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            // The first PhoneNumber is the primary server; later ones are alternates of other links.
            if (!value.isEmpty()) {
                keys.putIfAbsent(key, value);
            }
        }
        add(out, section, keys, source);
        return out.size() > MAX_ENTRIES ? List.copyOf(out.subList(0, MAX_ENTRIES)) : List.copyOf(out);
    }

    private static void add(List<VpnProfile> out, String section, Map<String, String> keys, String source) {
        if (section == null) {
            return;
        }
        String name = UntrustedText.line(section, MAX_NAME);
        String server = UntrustedText.line(keys.getOrDefault("phonenumber", ""), MAX_NAME);
        if (name.isEmpty() || server.isEmpty() || server.contains(" ")) {
            return;
        }
        Integer type = integer(keys.get("type"));
        if (type != null && type != RASET_VPN) {
            return;
        }
        Integer strategyValue = integer(keys.get("vpnstrategy"));
        VpnStrategy.Sstp sstp;
        String note;
        if (strategyValue == null) {
            sstp = VpnStrategy.Sstp.MAYBE;
            note = Sentences.get("profile.strategy.none");
        } else {
            var strategy = VpnStrategy.of(strategyValue);
            sstp = strategy.map(VpnStrategy::sstp).orElse(VpnStrategy.Sstp.MAYBE);
            note = strategy.map(VpnStrategy::label).orElse(Sentences.get("profile.strategy.unknown", String.valueOf(strategyValue)));
        }
        // The device line names the miniport the connection last used or prefers: a strong hint.
        String device = keys.getOrDefault("device", keys.getOrDefault("preferreddevice", ""));
        if (sstp == VpnStrategy.Sstp.MAYBE && device.toUpperCase(Locale.ROOT).contains("(SSTP)")) {
            sstp = VpnStrategy.Sstp.YES;
            note = Sentences.get("profile.strategy.device", note);
        }
        out.add(new VpnProfile(name, server, source, sstp, note, "", ""));
    }

    private static Integer integer(String s) {
        if (s == null || !s.matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(s);
    }

    /**
     * Windows writes phone books as UTF-16 (with a byte-order mark) or as 8-bit text: UTF-8 when it
     * decodes as such, else the ANSI code page, taken as windows-1252.
     */
    static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, b.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, start, b.length - start, Charset.forName("windows-1252"));
        }
    }
}
