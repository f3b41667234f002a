package org.sstpdoctor.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates on screen; durations use {@link org.sstpdoctor.report.TextReport#millis}, as the reports do. */
final class Formats {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
