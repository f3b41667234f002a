package org.sstpdoctor.ppp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 2759 §9.2 (every intermediate value) and RFC 3079 §3.5.3 (the 128-bit master keys). */
class MsChapV2KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String USER = "User";
    private static final char[] PASSWORD = "clientPass".toCharArray();
    private static final byte[] AUTH_CHALLENGE = HEX.parseHex("5b5d7c7d7b3f2f3e3c2c602132262628");
    private static final byte[] PEER_CHALLENGE = HEX.parseHex("21402324255e262a28295f2b3a337c7e");
    private static final byte[] NT_RESPONSE = HEX.parseHex("82309ecd8d708b5ea08faa3981cd83544233114a3d85d6df");

    @Test
    void challengeHash() {
        assertArrayEquals(HEX.parseHex("d02e4386bce91226"), MsChapV2.challengeHash(PEER_CHALLENGE, AUTH_CHALLENGE, USER));
    }

    @Test
    void passwordHashAndItsHash() {
        byte[] hash = MsChapV2.ntPasswordHash(PASSWORD);
        assertArrayEquals(HEX.parseHex("44ebba8d5312b8d611474411f56989ae"), hash);
        assertArrayEquals(HEX.parseHex("41c00c584bd2d91c4017a2a12fa59f3f"), MsChapV2.hashNtPasswordHash(hash));
    }

    @Test
    void ntResponse() {
        assertArrayEquals(NT_RESPONSE, MsChapV2.generateNtResponse(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD));
        assertArrayEquals(NT_RESPONSE, MsChapV2.challengeResponse(HEX.parseHex("d02e4386bce91226"),
                HEX.parseHex("44ebba8d5312b8d611474411f56989ae")));
    }

    @Test
    void authenticatorResponse() {
        assertEquals("S=407A5589115FD0D6209F510FE9C04566932CDA56",
                MsChapV2.generateAuthenticatorResponse(PASSWORD, NT_RESPONSE, PEER_CHALLENGE, AUTH_CHALLENGE, USER));
        assertTrue(MsChapV2.checkAuthenticatorResponse(PASSWORD, NT_RESPONSE, PEER_CHALLENGE, AUTH_CHALLENGE, USER,
                "S=407a5589115fd0d6209f510fe9c04566932cda56"));
        assertFalse(MsChapV2.checkAuthenticatorResponse("clientPasS".toCharArray(), NT_RESPONSE, PEER_CHALLENGE,
                AUTH_CHALLENGE, USER, "S=407A5589115FD0D6209F510FE9C04566932CDA56"));
    }

    @Test
    void domainPrefixIsNotHashed() {
        assertArrayEquals(NT_RESPONSE, MsChapV2.generateNtResponse(AUTH_CHALLENGE, PEER_CHALLENGE, "CORP\\User", PASSWORD));
    }

    @Test
    void rfc3079MasterKeys() {
        byte[] hashHash = HEX.parseHex("41c00c584bd2d91c4017a2a12fa59f3f");
        byte[] master = MppeKeys.masterKey(hashHash, NT_RESPONSE);
        assertArrayEquals(HEX.parseHex("fdece3717a8c838cb388e527ae3cdd31"), master);
        // RFC 3079 §3.5.3 prints the server's send key ("SendStartKey128"), which is the client's receive key.
        assertArrayEquals(HEX.parseHex("8b7cdc149b993a1ba118cb153f56dccb"), MppeKeys.asymmetricStartKey(master, true, true));
        assertArrayEquals(HEX.parseHex("8b7cdc149b993a1ba118cb153f56dccb"), MppeKeys.asymmetricStartKey(master, false, false));
        // The client's send key (Magic2), as other implementations' RFC 3079 tests also derive it.
        assertArrayEquals(HEX.parseHex("d5f0e9521e3ea9589645e86051c82226"), MppeKeys.asymmetricStartKey(master, true, false));
    }

    @Test
    void hlakIsClientSendThenReceiveKey() {
        assertArrayEquals(HEX.parseHex("d5f0e9521e3ea9589645e86051c82226" + "8b7cdc149b993a1ba118cb153f56dccb"),
                MppeKeys.hlak(PASSWORD, NT_RESPONSE));
        assertArrayEquals(new byte[32], MppeKeys.zeroHlak());
    }
}
