package org.sstpdoctor.sstp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random input must only ever produce a packet or an SstpFormatException. */
class SstpCodecFuzzTest {

    private static final long SEED = 0x5_57_9D_0C_70_9L;
    private static final int RUNS = 10_000;

    @Test
    void randomBytesDecodeOrFailWithFormatExceptionOnly() {
        Random random = new Random(SEED);
        int decoded = 0;
        int rejected = 0;
        for (int run = 0; run < RUNS; run++) {
            byte[] input = randomInput(random);
            try {
                SstpPacket packet = SstpCodec.decode(input);
                decoded++;
                assertFalse(SstpCodec.describe(packet).isBlank());
                // Reserved bits are dropped, so compare by re-decoding rather than by bytes.
                assertEquals(packet, SstpCodec.decode(packet.encode()));
            } catch (SstpFormatException expected) {
                rejected++;
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("run " + run + ", input " + SstpCodec.hex(input), e);
            }
        }
        // Both outcomes must actually be exercised for the test to mean anything.
        assertTrue(decoded > RUNS / 20, "decoded " + decoded);
        assertTrue(rejected > RUNS / 20, "rejected " + rejected);
    }

    @Test
    void randomBytesFromStreamGivePacketOrIoProblemOnly() throws IOException {
        Random random = new Random(SEED + 1);
        for (int run = 0; run < RUNS; run++) {
            byte[] input = randomInput(random);
            try {
                Optional<SstpPacket> packet = SstpCodec.read(new ByteArrayInputStream(input));
                packet.ifPresent(p -> assertArrayEquals(p.encode(), p.encode()));
            } catch (SstpFormatException | EOFException expected) {
                // fine: malformed or cut short
            } catch (RuntimeException e) {
                fail("run " + run + ", input " + SstpCodec.hex(input), e);
            }
        }
    }

    /**
     * Mostly plausible packets (right version, matching length, attribute-like bodies) so the
     * deeper parsing paths are reached, with some entirely random bytes.
     */
    private static byte[] randomInput(Random random) {
        byte[] input = new byte[random.nextInt(64)];
        random.nextBytes(input);
        int shape = random.nextInt(4);
        if (shape == 0 || input.length < 4) {
            return input;
        }
        input[0] = 0x10;
        if (random.nextInt(8) != 0) {
            input[2] = (byte) ((input[2] & 0xF0) | (input.length >>> 8));
            input[3] = (byte) input.length;
        }
        if (shape >= 2 && input.length >= 8) {
            input[1] = 1;
            input[6] = 0;
            input[7] = (byte) random.nextInt(4);
            // Give the attributes plausible lengths so some packets are well-formed.
            int offset = 8;
            while (offset + 4 <= input.length) {
                int length = 4 + random.nextInt(Math.max(1, input.length - offset - 3));
                input[offset + 2] = 0;
                input[offset + 3] = (byte) length;
                offset += length;
            }
        }
        return input;
    }
}
