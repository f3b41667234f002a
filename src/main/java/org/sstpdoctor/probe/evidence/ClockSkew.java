package org.sstpdoctor.probe.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * How far this computer's clock is from a peer's {@code Date} header (RFC 9110 6.6.1: an
 * IMF-fixdate, or the obsolete RFC 850 and asctime forms). A certificate looks expired or not yet
 * valid to a computer whose clock is wrong; the {@code Date} of the server and of the proxy tell.
 *
 * @param who "the server" or "the proxy"
 * @param peerDate the Date header as received (made visible)
 * @param skew peer time minus this computer's time: positive when this computer is behind
 */
public record ClockSkew(String who, String peerDate, Duration skew) {
    /** More than this apart is a finding ("more than a few minutes"; Kerberos' default tolerance is 5 minutes). */
    public static final Duration THRESHOLD = Duration.ofMinutes(5);

    private static final DateTimeFormatter RFC_850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    public static Optional<ClockSkew> compare(String who, String dateHeader, Instant localTime) {
        return parse(dateHeader).map(peer -> new ClockSkew(who, org.sstpdoctor.text.PeerText.line(dateHeader.trim()), Duration.between(localTime, peer)));
    }

    static Optional<Instant> parse(String value) {
        if (value == null || value.length() > 100) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            // try the obsolete forms
        }
        try {
            return Optional.of(ZonedDateTime.parse(v, RFC_850).toInstant());
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return Optional.of(java.time.LocalDateTime.parse(v, ASCTIME).toInstant(java.time.ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean significant() {
        return skew.abs().compareTo(THRESHOLD) > 0;
    }

    /** "this computer's clock is 3 days 2 hours behind the server's (Date: …)". */
    public String describe() {
        String amount = human(skew.abs());
        String direction = skew.isNegative() ? "ahead of" : "behind";
        return "this computer's clock is " + amount + " " + direction + " " + who + "'s (Date: " + peerDate + ")";
    }

    static String human(Duration d) {
        // Date has one-second resolution and arrives a moment before it is compared: round, do not truncate.
        long totalMinutes = Math.round(d.getSeconds() / 60.0);
        if (totalMinutes >= 24 * 60) {
            long hours = Math.round(d.getSeconds() / 3600.0);
            long days = hours / 24;
            long rest = hours % 24;
            return days + (days == 1 ? " day" : " days") + (rest > 0 ? " " + rest + (rest == 1 ? " hour" : " hours") : "");
        }
        if (totalMinutes >= 60) {
            long hours = totalMinutes / 60;
            long minutes = totalMinutes % 60;
            return hours + (hours == 1 ? " hour" : " hours") + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (totalMinutes > 0) {
            return totalMinutes + " min";
        }
        return d.getSeconds() + " s";
    }
}
