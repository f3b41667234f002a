package org.sstpdoctor.ppp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A packet of a PPP control protocol: code, identifier, 16-bit length, data (RFC 1661 §5). LCP,
 * IPCP, PAP, CHAP and EAP all share this header. Immutable.
 */
public record CpPacket(int code, int id, byte[] data) {
    public static final int CONFIGURE_REQUEST = 1;
    public static final int CONFIGURE_ACK = 2;
    public static final int CONFIGURE_NAK = 3;
    public static final int CONFIGURE_REJECT = 4;
    public static final int TERMINATE_REQUEST = 5;
    public static final int TERMINATE_ACK = 6;
    public static final int CODE_REJECT = 7;
    public static final int PROTOCOL_REJECT = 8;
    public static final int ECHO_REQUEST = 9;
    public static final int ECHO_REPLY = 10;
    public static final int DISCARD_REQUEST = 11;

    /** The largest packet the sign-in test sends or accepts (an MRU of 1500 bytes). */
    public static final int MAX_LENGTH = 1500;

    public CpPacket {
        if (code < 0 || code > 0xFF || id < 0 || id > 0xFF) {
            throw new IllegalArgumentException("code and identifier must fit in 8 bits");
        }
        data = Objects.requireNonNull(data, "data").clone();
        if (data.length + 4 > MAX_LENGTH) {
            throw new IllegalArgumentException("control packet too long: " + (data.length + 4));
        }
    }

    public static CpPacket configure(int code, int id, List<CpOption> options) {
        return new CpPacket(code, id, encodeOptions(options));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public byte[] encode() {
        byte[] out = new byte[4 + data.length];
        out[0] = (byte) code;
        out[1] = (byte) id;
        out[2] = (byte) (out.length >> 8);
        out[3] = (byte) out.length;
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    /** Parses the header; padding after the declared length is ignored, as RFC 1661 §5 asks. */
    public static CpPacket decode(byte[] bytes) throws PppFormatException {
        if (bytes.length < 4) {
            throw new PppFormatException("the control packet is " + bytes.length + " bytes, shorter than its 4-byte header");
        }
        int length = ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        if (length < 4 || length > bytes.length) {
            throw new PppFormatException("the control packet's length field says " + length
                    + " bytes but " + bytes.length + " arrived");
        }
        if (length > MAX_LENGTH) {
            throw new PppFormatException("the control packet is " + length + " bytes, more than " + MAX_LENGTH);
        }
        return new CpPacket(bytes[0] & 0xFF, bytes[1] & 0xFF, Arrays.copyOfRange(bytes, 4, length));
    }

    /** The data parsed as a list of options (for Configure-Request/Ack/Nak/Reject). */
    public List<CpOption> options() throws PppFormatException {
        List<CpOption> options = new ArrayList<>();
        int offset = 0;
        while (offset < data.length) {
            if (data.length - offset < 2) {
                throw new PppFormatException("an option is cut off after its type");
            }
            int length = data[offset + 1] & 0xFF;
            if (length < 2 || offset + length > data.length) {
                throw new PppFormatException("option " + (data[offset] & 0xFF) + " has length " + length
                        + ", which does not fit the packet");
            }
            options.add(new CpOption(data[offset] & 0xFF, Arrays.copyOfRange(data, offset + 2, offset + length)));
            offset += length;
        }
        return List.copyOf(options);
    }

    public static byte[] encodeOptions(List<CpOption> options) {
        int total = 0;
        for (CpOption option : options) {
            total += 2 + option.value().length;
        }
        byte[] out = new byte[total];
        int offset = 0;
        for (CpOption option : options) {
            byte[] value = option.value();
            out[offset] = (byte) option.type();
            out[offset + 1] = (byte) (2 + value.length);
            System.arraycopy(value, 0, out, offset + 2, value.length);
            offset += 2 + value.length;
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CpPacket that && code == that.code && id == that.id && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * code + id) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CpPacket[code=" + code + ", id=" + id + ", " + data.length + " bytes]";
    }
}
