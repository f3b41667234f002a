package org.sstpdoctor.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** "15", "15s", "500ms", "2m": a person's way of writing a duration (any positive one up to 10 minutes). */
class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,7})(ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Duration d = parse(value);
        if (d.isZero() || d.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new CommandLine.TypeConversionException("the duration must be more than zero and at most 10 minutes");
        }
        return d;
    }

    static Duration parse(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration; write it like 15s, 500ms or 2m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        return d;
    }

    /** A probe's time limit: the one range the wizard and the settings file use too. */
    static final class Timeout extends DurationConverter {
        @Override
        public Duration convert(String value) {
            Duration d = parse(value);
            if (!org.sstpdoctor.probe.ProbeRequest.isAllowedTimeout(d)) {
                throw new CommandLine.TypeConversionException("the timeout must be from "
                        + org.sstpdoctor.probe.ProbeRequest.MIN_TIMEOUT.toSeconds() + " s to "
                        + org.sstpdoctor.probe.ProbeRequest.MAX_TIMEOUT.toMinutes() + " minutes; you gave '" + value + "'");
            }
            return d;
        }
    }
}
