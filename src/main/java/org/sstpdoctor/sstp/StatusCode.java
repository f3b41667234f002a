package org.sstpdoctor.sstp;

import java.util.Optional;

/** Status values carried in a Status Info attribute ([MS-SSTP] 2.2.7), a 32-bit field. */
public enum StatusCode {
    NO_ERROR(0, "no error"),
    DUPLICATE_ATTRIBUTE(1, "an attribute appeared more than once"),
    UNRECOGNIZED_ATTRIBUTE(2, "an attribute was not recognized"),
    INVALID_ATTRIB_VALUE_LENGTH(3, "an attribute value had the wrong length"),
    VALUE_NOT_SUPPORTED(4, "an attribute value is not supported"),
    UNACCEPTED_FRAME_RECEIVED(5, "a message arrived that is not accepted at this point of the call"),
    RETRY_COUNT_EXCEEDED(6, "the maximum number of retries was exceeded"),
    INVALID_FRAME_RECEIVED(7, "a malformed message was received"),
    NEGOTIATION_TIMEOUT(8, "the call was not set up in time"),
    ATTRIB_NOT_SUPPORTED_IN_MSG(9, "an attribute is not allowed in this message"),
    REQUIRED_ATTRIBUTE_MISSING(10, "a required attribute is missing"),
    STATUS_INFO_NOT_SUPPORTED_IN_MSG(11, "a status info attribute is not allowed in this message");

    private final int code;
    private final String description;

    StatusCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** A short plain-English explanation, suitable for a report. */
    public String description() {
        return description;
    }

    /** The status with this wire value (an unsigned 32-bit number), or empty if unknown. */
    public static Optional<StatusCode> of(long code) {
        for (StatusCode status : values()) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
