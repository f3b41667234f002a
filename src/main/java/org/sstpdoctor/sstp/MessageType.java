package org.sstpdoctor.sstp;

import java.util.Optional;

/** SSTP control message types ([MS-SSTP] 2.2.2), carried as a 16-bit field. */
public enum MessageType {
    CALL_CONNECT_REQUEST(1),
    CALL_CONNECT_ACK(2),
    CALL_CONNECT_NAK(3),
    CALL_CONNECTED(4),
    CALL_ABORT(5),
    CALL_DISCONNECT(6),
    CALL_DISCONNECT_ACK(7),
    ECHO_REQUEST(8),
    ECHO_RESPONSE(9);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The message type with this wire value, or empty if the value is not one SSTP defines. */
    public static Optional<MessageType> of(int code) {
        for (MessageType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
