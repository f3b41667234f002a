package org.sstpdoctor.ppp;

import java.util.Arrays;
import java.util.Objects;

/**
 * One PPP frame as an SSTP data packet carries it: address 0xFF, control 0x03, a 16-bit protocol,
 * then the information field. SSTP clients send the address and control bytes (Open SSTP Client,
 * kittoku/Open-SSTP-Client: app/src/main/java/kittoku/osc/unit/ppp/Frame.kt, {@code PPP_HEADER = 0xFF03});
 * on reading, their omission (RFC 1661 §6.6 ACFC) and a one-byte protocol (§6.5 PFC) are accepted.
 * No HDLC byte stuffing: SSTP's framing already delimits each frame.
 */
public record PppFrame(int protocol, byte[] information) {
    public static final int LCP = 0xC021;
    public static final int PAP = 0xC023;
    public static final int CHAP = 0xC223;
    public static final int EAP = 0xC227;
    public static final int IPCP = 0x8021;
    public static final int IPV6CP = 0x8057;
    public static final int CCP = 0x80FD;
    public static final int IPV4 = 0x0021;

    public PppFrame {
        if (protocol < 0 || protocol > 0xFFFF) {
            throw new IllegalArgumentException("protocol must fit in 16 bits: " + protocol);
        }
        information = Objects.requireNonNull(information, "information").clone();
    }

    public PppFrame(int protocol, CpPacket packet) {
        this(protocol, packet.encode());
    }

    @Override
    public byte[] information() {
        return information.clone();
    }

    /** The information field parsed as a control-protocol packet (code, identifier, length, data). */
    public CpPacket packet() throws PppFormatException {
        return CpPacket.decode(information);
    }

    public byte[] encode() {
        byte[] out = new byte[4 + information.length];
        out[0] = (byte) 0xFF;
        out[1] = 0x03;
        out[2] = (byte) (protocol >> 8);
        out[3] = (byte) protocol;
        System.arraycopy(information, 0, out, 4, information.length);
        return out;
    }

    public static PppFrame decode(byte[] bytes) throws PppFormatException {
        Objects.requireNonNull(bytes, "bytes");
        int offset = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && bytes[1] == 0x03) {
            offset = 2;
        }
        if (bytes.length - offset < 1) {
            throw new PppFormatException("the PPP frame has no protocol field");
        }
        int protocol;
        if ((bytes[offset] & 0x01) == 1) {
            // A compressed protocol field: one byte, odd (RFC 1661 §2).
            protocol = bytes[offset] & 0xFF;
            offset += 1;
        } else {
            if (bytes.length - offset < 2) {
                throw new PppFormatException("the PPP frame ends inside its protocol field");
            }
            protocol = ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
            offset += 2;
            if ((protocol & 0x0100) != 0 || (protocol & 0x01) == 0) {
                throw new PppFormatException(String.format("0x%04x is not a valid PPP protocol number", protocol));
            }
        }
        return new PppFrame(protocol, Arrays.copyOfRange(bytes, offset, bytes.length));
    }

    /** A short name for reports: "LCP", "MS-CHAP/CHAP", "protocol 0x8057". */
    public static String protocolName(int protocol) {
        return switch (protocol) {
            case LCP -> "LCP";
            case PAP -> "PAP";
            case CHAP -> "CHAP";
            case EAP -> "EAP";
            case IPCP -> "IPCP";
            case IPV6CP -> "IPv6CP";
            case CCP -> "CCP";
            case IPV4 -> "IPv4";
            default -> String.format("protocol 0x%04x", protocol);
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PppFrame that && protocol == that.protocol && Arrays.equals(information, that.information);
    }

    @Override
    public int hashCode() {
        return 31 * protocol + Arrays.hashCode(information);
    }

    @Override
    public String toString() {
        return "PppFrame[" + protocolName(protocol) + ", " + information.length + " bytes]";
    }
}
