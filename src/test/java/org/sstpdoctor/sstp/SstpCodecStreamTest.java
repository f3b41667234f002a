package org.sstpdoctor.sstp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstpdoctor.sstp.TestBytes.bytes;
import static org.sstpdoctor.sstp.TestBytes.nonce;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SstpCodecStreamTest {

    private static InputStream stream(String hex) {
        return new ByteArrayInputStream(bytes(hex));
    }

    @Test
    void readsTwoPacketsBackToBackThenCleanEof() throws IOException {
        InputStream in = stream("10 00 00 06 c0 21" + "10 01 00 0e 00 01 00 01 00 01 00 06 00 01");
        assertEquals(Optional.of(new DataPacket(bytes("c0 21"))), SstpCodec.read(in));
        assertEquals(Optional.of(ControlPacket.callConnectRequest()), SstpCodec.read(in));
        assertEquals(Optional.empty(), SstpCodec.read(in));
    }

    @Test
    void readsPacketsArrivingOneByteAtATime() throws IOException {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(ControlPacket.callConnectAck(2, nonce()).encode());
        both.writeBytes(ControlPacket.callDisconnectAck().encode());
        InputStream trickle = new OneByteAtATime(both.toByteArray());
        assertEquals(Optional.of(ControlPacket.callConnectAck(2, nonce())), SstpCodec.read(trickle));
        assertEquals(Optional.of(ControlPacket.callDisconnectAck()), SstpCodec.read(trickle));
        assertEquals(Optional.empty(), SstpCodec.read(trickle));
    }

    @Test
    void emptyStreamIsCleanEof() throws IOException {
        assertEquals(Optional.empty(), SstpCodec.read(stream("")));
    }

    @Test
    void eofInsideHeaderIsEofException() {
        EOFException e = assertThrows(EOFException.class, () -> SstpCodec.read(stream("10 01")));
        assertTrue(e.getMessage().contains("2 of the 4"), e.getMessage());
    }

    @Test
    void eofInsideBodyIsEofException() {
        EOFException e = assertThrows(EOFException.class, () -> SstpCodec.read(stream("10 01 00 0e 00 01")));
        assertTrue(e.getMessage().contains("6 of the 14"), e.getMessage());
    }

    @Test
    void headerDeclaringMaximumLengthThenEofFailsWithoutHanging() {
        EOFException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(EOFException.class, () -> SstpCodec.read(stream("10 00 0f ff 01 02"))));
        assertTrue(e.getMessage().contains("6 of the 4095"), e.getMessage());
    }

    @Test
    void badHeaderIsRejectedBeforeReadingFurther() {
        // Like a web server answering with HTTP where SSTP was expected.
        GuardedStream in = new GuardedStream(bytes("48 54 54 50"), 4);
        SstpFormatException e = assertThrows(SstpFormatException.class, () -> SstpCodec.read(in));
        assertTrue(e.getMessage().contains("version 0x48"), e.getMessage());

        GuardedStream shortControl = new GuardedStream(bytes("10 01 00 05"), 4);
        assertThrows(SstpFormatException.class, () -> SstpCodec.read(shortControl));
    }

    @Test
    void malformedBodyFromStreamIsFormatException() {
        assertThrows(SstpFormatException.class,
                () -> SstpCodec.read(stream("10 01 00 0e 00 01 00 02 00 01 00 06 00 01")));
    }

    @Test
    void writeWritesEncodedBytesAndFlushes() throws IOException {
        boolean[] flushed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushed[0] = true;
            }
        };
        SstpCodec.write(out, ControlPacket.callAbort());
        assertArrayEquals(bytes("10 01 00 08 00 05 00 00"), out.toByteArray());
        assertTrue(flushed[0]);
    }

    @Test
    void writeThenReadRoundTrips() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SstpCodec.write(out, ControlPacket.callConnectRequest());
        SstpCodec.write(out, new DataPacket(bytes("01 02 03")));
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals(Optional.of(ControlPacket.callConnectRequest()), SstpCodec.read(in));
        assertEquals(Optional.of(new DataPacket(bytes("01 02 03"))), SstpCodec.read(in));
        assertEquals(Optional.empty(), SstpCodec.read(in));
    }

    /** Returns at most one byte per read, as a slow network might. */
    private static final class OneByteAtATime extends ByteArrayInputStream {
        OneByteAtATime(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
        }
    }

    /** Fails the test if anything reads past {@code limit} bytes. */
    private static final class GuardedStream extends InputStream {
        private final byte[] bytes;
        private final int limit;
        private int position;

        GuardedStream(byte[] bytes, int limit) {
            this.bytes = bytes;
            this.limit = limit;
        }

        @Override
        public int read() {
            if (position >= limit) {
                throw new AssertionError("read past byte " + limit);
            }
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }
    }
}
