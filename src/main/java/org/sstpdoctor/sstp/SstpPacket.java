package org.sstpdoctor.sstp;

/**
 * An SSTP packet: either a control packet or a data packet carrying a PPP frame ([MS-SSTP] 2.2).
 * Decode with {@link SstpCodec}; switch over the two permitted types.
 */
public sealed interface SstpPacket permits ControlPacket, DataPacket {

    /**
     * The complete packet as it goes on the wire, header included.
     *
     * @throws IllegalArgumentException if the packet, or one of its attributes, would be longer
     *     than the 4095 bytes its 12-bit length field can express
     */
    byte[] encode();
}
