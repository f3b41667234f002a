package org.sstpdoctor.kb;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a knowledge-base entry explains. */
public enum EntryKind {
    HTTP_STATUS, HTTP_STATUS_CLASS, OUTCOME, WINDOWS_ERROR, EVENT,
    /** A fatal TLS alert the server sent, by its RFC 8446 section 6.2 name in {@code codes}. */
    TLS_ALERT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static EntryKind fromId(String id) {
        for (EntryKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown entry kind '" + id + "'");
    }
}
