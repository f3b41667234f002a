package org.sstpdoctor.probe.windows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * The exact ClientHello one Windows family sends (RFC 5246 7.4.1.2, RFC 8446 4.1.2), as bytes on the
 * wire inside one TLS record. Only the opening of a handshake is ever sent: the prober reads the
 * ServerHello (or the alert) and hangs up, so no key is ever used and no cryptography is done here.
 * For TLS 1.3 the key share is a real X25519 public key made by the JDK, so a server that checks it
 * answers as it would answer Windows.
 */
public final class ClientHello {
    static final int EXT_SERVER_NAME = 0x0000;
    static final int EXT_SUPPORTED_GROUPS = 0x000A;
    static final int EXT_EC_POINT_FORMATS = 0x000B;
    static final int EXT_SIGNATURE_ALGORITHMS = 0x000D;
    static final int EXT_EXTENDED_MASTER_SECRET = 0x0017;
    static final int EXT_SUPPORTED_VERSIONS = 0x002B;
    static final int EXT_PSK_KEY_EXCHANGE_MODES = 0x002D;
    static final int EXT_KEY_SHARE = 0x0033;
    static final int EXT_RENEGOTIATION_INFO = 0xFF01;

    private ClientHello() {
    }

    /** Fresh random values, as a real client would use. */
    public static byte[] build(WindowsFamily family, String serverName) {
        SecureRandom random = new SecureRandom();
        byte[] clientRandom = new byte[32];
        random.nextBytes(clientRandom);
        byte[] sessionId = new byte[family.offersTls13() ? 32 : 0];
        random.nextBytes(sessionId);
        byte[] keyShare = family.offersTls13() ? x25519PublicKey() : new byte[0];
        return build(family, serverName, clientRandom, sessionId, keyShare);
    }

    /**
     * @param serverName the DNS name for SNI, or null for an IP address (RFC 6066 3: no literal addresses)
     * @param keyShare the raw 32-byte X25519 public key; ignored without TLS 1.3
     */
    public static byte[] build(WindowsFamily family, String serverName, byte[] clientRandom, byte[] sessionId,
                               byte[] keyShare) {
        if (clientRandom.length != 32 || sessionId.length > 32) {
            throw new IllegalArgumentException("random must be 32 bytes, session id at most 32");
        }
        boolean tls13 = family.offersTls13();
        int legacyVersion = Math.min(family.newestVersion(), TlsNames.TLS_1_2);

        Bytes extensions = new Bytes();
        if (serverName != null && !serverName.isEmpty()) {
            byte[] host = serverName.getBytes(StandardCharsets.US_ASCII);
            Bytes list = new Bytes().u8(0).u16(host.length).raw(host);
            extensions.extension(EXT_SERVER_NAME, new Bytes().u16(list.size()).raw(list.bytes()).bytes());
        }
        extensions.extension(EXT_SUPPORTED_GROUPS, u16List(family.groups()));
        extensions.extension(EXT_EC_POINT_FORMATS, new byte[] {1, 0}); // uncompressed only
        if (!family.signatureSchemes().isEmpty()) {
            extensions.extension(EXT_SIGNATURE_ALGORITHMS, u16List(family.signatureSchemes()));
        }
        if (family.newestVersion() >= TlsNames.TLS_1_2) {
            extensions.extension(EXT_EXTENDED_MASTER_SECRET, new byte[0]);
        }
        extensions.extension(EXT_RENEGOTIATION_INFO, new byte[] {0});
        if (tls13) {
            Bytes versions = new Bytes().u8(family.versions().size() * 2);
            family.versions().forEach(versions::u16);
            extensions.extension(EXT_SUPPORTED_VERSIONS, versions.bytes());
            extensions.extension(EXT_PSK_KEY_EXCHANGE_MODES, new byte[] {1, 1}); // psk_dhe_ke
            if (keyShare.length != 32) {
                throw new IllegalArgumentException("an X25519 key share is 32 bytes");
            }
            Bytes entry = new Bytes().u16(TlsNames.X25519).u16(keyShare.length).raw(keyShare);
            extensions.extension(EXT_KEY_SHARE, new Bytes().u16(entry.size()).raw(entry.bytes()).bytes());
        }

        Bytes body = new Bytes()
                .u16(legacyVersion)
                .raw(clientRandom)
                .u8(sessionId.length).raw(sessionId)
                .raw(u16List(family.suiteCodes()))
                .u8(1).u8(0) // compression: null only
                .u16(extensions.size()).raw(extensions.bytes());
        Bytes handshake = new Bytes().u8(1).u24(body.size()).raw(body.bytes());
        // RFC 8446 5.1: legacy_record_version 0x0301 for an initial ClientHello.
        return new Bytes().u8(22).u16(TlsNames.TLS_1_0).u16(handshake.size()).raw(handshake.bytes()).bytes();
    }

    static byte[] u16List(List<Integer> values) {
        Bytes b = new Bytes().u16(values.size() * 2);
        values.forEach(b::u16);
        return b.bytes();
    }

    /** The raw public key of a fresh X25519 key pair (the last 32 bytes of its X.509 encoding). */
    static byte[] x25519PublicKey() {
        try {
            byte[] encoded = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic().getEncoded();
            return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is not available in this Java runtime", e);
        }
    }

    /** Big-endian byte writer. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v & 0xFF);
            return this;
        }

        Bytes u16(int v) {
            return u8(v >> 8).u8(v);
        }

        Bytes u24(int v) {
            return u8(v >> 16).u8(v >> 8).u8(v);
        }

        Bytes raw(byte[] data) {
            out.writeBytes(data);
            return this;
        }

        Bytes extension(int type, byte[] data) {
            return u16(type).u16(data.length).raw(data);
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
