package org.sstpdoctor.eventlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sstpdoctor.text.Sentences;
import org.sstpdoctor.text.UntrustedText;

/**
 * Finds VPN events in what a person pasted: Event Viewer's "Copy details as text", its General tab,
 * the XML view, wevtutil's output, or just the message sentence. Never throws; what it cannot read it
 * leaves out. The input is bounded ({@link #MAX_CHARS}).
 *
 * <p>Message forms (RasClient, Application log), from Richard Hicks' 20227 write-ups
 * (https://directaccess.richardhicks.com/tag/event-id-20227/) and Microsoft's Azure VPN Gateway
 * troubleshooting article (its Get-EventLog RasClient sample, MicrosoftDocs/azure-docs): "CoId={…}:
 * The user SYSTEM dialed a connection named AzureGateway which has failed. The error code returned on
 * failure is 809." (some translations of the article say "that has failed"; both are accepted), with
 * ReplacementStrings {CoId, user, connection name, code}. 20226 ends "… which has terminated. The
 * reason code returned on termination is 829."
 *
 * <p>RasSstp event 4 puts the HTTP status in the event's binary data (TechNet dd315775). Event Viewer
 * shows that data "In Bytes" ({@code 0000: 97 01 00 00}) or "In Words" ({@code 0000: 00000197}); the
 * XML has {@code <Binary>97010000</Binary>}. No source gives the layout of that data: the bytes are
 * read as a 32-bit little-endian number (Windows' byte order), and the Words view as the number it
 * shows. When that reading is not an HTTP status (100–599) the big-endian reading is tried; the
 * event says which reading gave the status.
 */
public final class EventText {
    public static final int MAX_CHARS = 256 * 1024;
    static final int MAX_MESSAGE = 2000;
    private static final int MAX_FIELD = 256;

    private static final Pattern CONNECTION = Pattern.compile(
            "dialed a connection named\\s+(.{1,256}?)\\s+(?:which|that) has\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ERROR = Pattern.compile(
            "error code returned on failure is\\s+(-?\\d{1,10}|0x[0-9a-f]{1,8})", Pattern.CASE_INSENSITIVE);
    private static final Pattern REASON = Pattern.compile(
            "reason code returned on termination is\\s+(-?\\d{1,10}|0x[0-9a-f]{1,8})", Pattern.CASE_INSENSITIVE);
    // Event Viewer's "Copy details as text" ("Event ID:") and PowerShell's Format-List ("EventID :").
    private static final Pattern SOURCE = Pattern.compile("(?m)^\\s*Source\\s*:\\s*(\\S.{0,80}?)\\s*$");
    private static final Pattern EVENT_ID = Pattern.compile("(?m)^\\s*Event\\s?ID\\s*:\\s*(\\d{1,6})\\s*$");
    private static final Pattern DATE = Pattern.compile("(?m)^\\s*(?:Date|TimeGenerated)\\s*:\\s*(\\S.{0,60}?)\\s*$");
    private static final Pattern COMPUTER = Pattern.compile("(?m)^\\s*(?:Computer|MachineName)\\s*:\\s*(\\S.{0,200}?)\\s*$");
    private static final Pattern HEX_CODE = Pattern.compile("\\b0x([0-9a-fA-F]{8})\\b");
    private static final Pattern SERVER = Pattern.compile("https://([A-Za-z0-9.-]{1,253}(?::\\d{1,5})?)");
    private static final Pattern WORDS = Pattern.compile(
            "In Words\\s*[\\r\\n]+\\s*0000:\\s*([0-9a-fA-F]{8})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYTES = Pattern.compile(
            "In Bytes\\s*[\\r\\n]+\\s*0000:\\s*((?:[0-9a-fA-F]{2}\\s){3}[0-9a-fA-F]{2})", Pattern.CASE_INSENSITIVE);
    // The data's first line copied alone, without its "In Words"/"In Bytes" heading: the shape says which view.
    private static final Pattern BARE_WORDS = Pattern.compile("(?m)^\\s*0000:\\s*([0-9a-fA-F]{8})\\s*$");
    private static final Pattern BARE_BYTES = Pattern.compile("(?m)^\\s*0000:\\s*((?:[0-9a-fA-F]{2}[ \\t]+){3}[0-9a-fA-F]{2})\\b");
    private static final Pattern DESCRIPTION = Pattern.compile("(?s)Description:\\s*(.*?)(?:\\n\\s*Event Xml:|$)");

    private EventText() {
    }

    /** Whether the text looks like something from the event log rather than a code or words. */
    public static boolean looksLikeEvent(String text) {
        if (text == null) {
            return false;
        }
        String t = text.length() > 4096 ? text.substring(0, 4096) : text;
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.contains("<event") || lower.contains("rasclient") || lower.contains("rassstp")
                || lower.contains("dialed a connection named") || EVENT_ID.matcher(t).find()
                || lower.contains("in bytes") || lower.contains("in words")
                || BARE_WORDS.matcher(t).find() || BARE_BYTES.matcher(t).find();
    }

    /** The events in the pasted text: the XML ones if there is XML, else the one the text describes. */
    public static List<VpnEvent> parse(String pasted) {
        if (pasted == null || pasted.isBlank()) {
            return List.of();
        }
        String text = pasted.length() > MAX_CHARS ? pasted.substring(0, MAX_CHARS) : pasted;
        int xmlStart = text.indexOf("<Event");
        if (xmlStart >= 0) {
            List<VpnEvent> fromXml = EventXml.parse(text.substring(xmlStart));
            if (!fromXml.isEmpty()) {
                String before = text.substring(0, xmlStart);
                if (fromXml.size() == 1 && (WORDS.matcher(before).find() || BYTES.matcher(before).find())) {
                    // The friendly view's data beside the XML: the XML's own Binary element wins, if any.
                    VpnEvent x = fromXml.get(0);
                    if (x.httpStatus() == null) {
                        VpnEvent t = fromText(before);
                        return List.of(merge(x, t));
                    }
                }
                return fromXml;
            }
        }
        VpnEvent one = fromText(text);
        return one.hasFindings() ? List.of(one) : List.of();
    }

    private static VpnEvent merge(VpnEvent x, VpnEvent t) {
        return new VpnEvent(x.provider(), x.eventId(), x.when(), x.computer(), x.connectionName(), x.errorCode(),
                x.reasonCode(), t.httpStatus(), t.httpStatusReading(), x.server(), x.message());
    }

    /** The event one plain-text paste describes. */
    static VpnEvent fromText(String text) {
        String provider = group(SOURCE, text);
        int id = parseIntOr(group(EVENT_ID, text), 0);
        Matcher d = DESCRIPTION.matcher(text);
        String message = d.find() && !d.group(1).isBlank() ? d.group(1) : text;
        return fromMessage(provider, id, group(DATE, text), group(COMPUTER, text), message, text, null);
    }

    /**
     * Builds the event from its parts; {@code message} is the event's sentence, {@code whole} all the
     * text to look in for data and addresses, {@code binaryHex} the XML's Binary element, if any.
     */
    static VpnEvent fromMessage(String provider, int id, String when, String computer, String message, String whole,
                                String binaryHex) {
        String connection = group(CONNECTION, message);
        Long error = code(group(ERROR, message));
        Long reason = code(group(REASON, message));
        if (error == null && reason == null) {
            Matcher hex = HEX_CODE.matcher(message);
            if (hex.find()) {
                error = Long.parseLong(hex.group(1), 16);
            }
        }
        if (provider.isEmpty()) {
            String lower = whole.toLowerCase(Locale.ROOT);
            provider = lower.contains("rassstp") ? "RasSstp" : lower.contains("rasclient")
                    || !connection.isEmpty() ? "RasClient" : "";
        }
        if (id == 0 && provider.equals("RasClient")) {
            id = error != null && !connection.isEmpty() ? 20227 : reason != null ? 20226 : 0;
        }
        Integer status = null;
        String reading = "";
        boolean dataAlone = provider.isEmpty() && id == 0 && connection.isEmpty() && error == null && reason == null
                && binaryHex == null;
        if (isSstpProvider(provider) && (id == 4 || id == 0) || dataAlone) {
            HttpStatusReading r = binaryHex != null ? HttpStatusReading.fromHex(binaryHex, Sentences.get("event.reading.xml"))
                    : HttpStatusReading.fromFriendlyView(whole);
            if (r != null) {
                status = r.status();
                reading = r.how();
                if (dataAlone) {
                    // Only event data was pasted: read as RasSstp 4's, whose data is the HTTP status, and say so.
                    provider = "RasSstp";
                    id = 4;
                    reading = Sentences.get("event.reading.assumed", reading);
                }
            }
        }
        String server = group(SERVER, whole);
        return new VpnEvent(clean(provider), id, clean(when), clean(computer), clean(connection), error,
                reason == null ? null : (int) (long) reason, status, reading, clean(server),
                UntrustedText.lines(message.strip(), MAX_MESSAGE, 20));
    }

    static boolean isSstpProvider(String provider) {
        return provider.equalsIgnoreCase("RasSstp") || provider.equalsIgnoreCase("Microsoft-Windows-RasSstp");
    }

    /** "-2146885613" or "0x80092013" as an unsigned 32-bit value. */
    static Long code(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            if (s.toLowerCase(Locale.ROOT).startsWith("0x")) {
                return Long.parseLong(s.substring(2), 16);
            }
            long v = Long.parseLong(s);
            if (v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) {
                return null;
            }
            return v & 0xFFFFFFFFL;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The HTTP status found in an event's data and how it was read. */
    record HttpStatusReading(int status, String how) {
        static HttpStatusReading fromFriendlyView(String text) {
            Matcher words = WORDS.matcher(text);
            if (words.find()) {
                long v = Long.parseLong(words.group(1), 16);
                if (isStatus(v)) {
                    return new HttpStatusReading((int) v, Sentences.get("event.reading.words"));
                }
            }
            Matcher bytes = BYTES.matcher(text);
            if (bytes.find()) {
                return fromHex(bytes.group(1).replaceAll("\\s", ""), Sentences.get("event.reading.bytes"));
            }
            Matcher bareWords = BARE_WORDS.matcher(text);
            if (bareWords.find()) {
                long v = Long.parseLong(bareWords.group(1), 16);
                return isStatus(v) ? new HttpStatusReading((int) v, Sentences.get("event.reading.words")) : null;
            }
            Matcher bareBytes = BARE_BYTES.matcher(text);
            if (bareBytes.find()) {
                return fromHex(bareBytes.group(1).replaceAll("\\s", ""), Sentences.get("event.reading.bytes"));
            }
            return null;
        }

        static HttpStatusReading fromHex(String hex, String where) {
            String h = hex.replaceAll("\\s", "");
            if (h.length() < 8 || !h.substring(0, 8).matches("[0-9a-fA-F]{8}")) {
                return null;
            }
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
            }
            long little = (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
            if (isStatus(little)) {
                return new HttpStatusReading((int) little, Sentences.get("event.reading.little", where));
            }
            long big = (b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | (b[3] & 0xFFL);
            if (isStatus(big)) {
                return new HttpStatusReading((int) big, Sentences.get("event.reading.big", where));
            }
            return null;
        }

        private static boolean isStatus(long v) {
            return v >= 100 && v <= 599;
        }
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return s.isEmpty() ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String clean(String s) {
        return UntrustedText.line(s, MAX_FIELD);
    }
}
