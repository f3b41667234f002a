package org.sstpdoctor.probe.windows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * IANA code points for the TLS values the Windows profiles use: cipher suites, protocol versions,
 * named groups and alerts. Names are the IANA / JSSE names, so a suite Java negotiated can be looked
 * up by the name Java reports. Source: the IANA TLS Parameters registry
 * (https://www.iana.org/assignments/tls-parameters/tls-parameters.xhtml).
 */
public final class TlsNames {
    private static final Map<String, Integer> SUITES = new LinkedHashMap<>();
    private static final Map<Integer, String> SUITE_NAMES = new HashMap<>();

    static {
        suite("TLS_AES_128_GCM_SHA256", 0x1301);
        suite("TLS_AES_256_GCM_SHA384", 0x1302);
        suite("TLS_CHACHA20_POLY1305_SHA256", 0x1303);
        suite("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", 0xC02C);
        suite("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", 0xC02B);
        suite("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", 0xC030);
        suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", 0xC02F);
        suite("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", 0x009F);
        suite("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", 0x009E);
        suite("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", 0xC024);
        suite("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", 0xC023);
        suite("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", 0xC028);
        suite("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", 0xC027);
        suite("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", 0xC00A);
        suite("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", 0xC009);
        suite("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", 0xC014);
        suite("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", 0xC013);
        suite("TLS_RSA_WITH_AES_256_GCM_SHA384", 0x009D);
        suite("TLS_RSA_WITH_AES_128_GCM_SHA256", 0x009C);
        suite("TLS_RSA_WITH_AES_256_CBC_SHA256", 0x003D);
        suite("TLS_RSA_WITH_AES_128_CBC_SHA256", 0x003C);
        suite("TLS_RSA_WITH_AES_256_CBC_SHA", 0x0035);
        suite("TLS_RSA_WITH_AES_128_CBC_SHA", 0x002F);
        suite("TLS_RSA_WITH_3DES_EDE_CBC_SHA", 0x000A);
        suite("TLS_DHE_RSA_WITH_AES_256_CBC_SHA", 0x0039);
        suite("TLS_DHE_RSA_WITH_AES_128_CBC_SHA", 0x0033);
        suite("TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", 0x006A);
        suite("TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", 0x0040);
        suite("TLS_DHE_DSS_WITH_AES_256_CBC_SHA", 0x0038);
        suite("TLS_DHE_DSS_WITH_AES_128_CBC_SHA", 0x0032);
        suite("TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA", 0x0013);
        suite("TLS_RSA_WITH_RC4_128_SHA", 0x0005);
        suite("TLS_RSA_WITH_RC4_128_MD5", 0x0004);
        suite("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", 0xCCA8);
        suite("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", 0xCCA9);
        suite("TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", 0xCCAA);
        suite("TLS_EMPTY_RENEGOTIATION_INFO_SCSV", 0x00FF);
    }

    public static final int TLS_1_0 = 0x0301;
    public static final int TLS_1_1 = 0x0302;
    public static final int TLS_1_2 = 0x0303;
    public static final int TLS_1_3 = 0x0304;

    public static final int X25519 = 0x001D;
    public static final int SECP256R1 = 0x0017;
    public static final int SECP384R1 = 0x0018;
    public static final int SECP521R1 = 0x0019;

    private TlsNames() {
    }

    private static void suite(String name, int code) {
        SUITES.put(name, code);
        SUITE_NAMES.put(code, name);
    }

    /** The code of a suite by its IANA name (as JSSE reports it); -1 when unknown. */
    public static int suiteCode(String name) {
        if (name == null) {
            return -1;
        }
        Integer code = SUITES.get(name.trim().toUpperCase(Locale.ROOT));
        return code == null ? -1 : code;
    }

    public static String suiteName(int code) {
        String name = SUITE_NAMES.get(code);
        return name != null ? name : String.format("cipher suite 0x%04X", code);
    }

    public static String versionName(int version) {
        return switch (version) {
            case 0x0300 -> "SSL 3.0";
            case TLS_1_0 -> "TLS 1.0";
            case TLS_1_1 -> "TLS 1.1";
            case TLS_1_2 -> "TLS 1.2";
            case TLS_1_3 -> "TLS 1.3";
            default -> String.format("version 0x%04X", version);
        };
    }

    /** JSSE's protocol names ("TLSv1.3") to the code; -1 when unknown. */
    public static int versionCode(String javaName) {
        if (javaName == null) {
            return -1;
        }
        return switch (javaName.trim()) {
            case "TLSv1", "TLS 1.0" -> TLS_1_0;
            case "TLSv1.1", "TLS 1.1" -> TLS_1_1;
            case "TLSv1.2", "TLS 1.2" -> TLS_1_2;
            case "TLSv1.3", "TLS 1.3" -> TLS_1_3;
            default -> -1;
        };
    }

    public static String groupName(int group) {
        return switch (group) {
            case X25519 -> "x25519";
            case SECP256R1 -> "P-256";
            case SECP384R1 -> "P-384";
            case SECP521R1 -> "P-521";
            case 0x001E -> "x448";
            case 0x0100 -> "ffdhe2048";
            case 0x0101 -> "ffdhe3072";
            default -> String.format("group 0x%04X", group);
        };
    }

    /** RFC 8446 section 6 alert descriptions, and the older ones RFC 5246 still lists. */
    public static String alertName(int description) {
        return switch (description) {
            case 0 -> "close_notify";
            case 10 -> "unexpected_message";
            case 20 -> "bad_record_mac";
            case 22 -> "record_overflow";
            case 40 -> "handshake_failure";
            case 42 -> "bad_certificate";
            case 43 -> "unsupported_certificate";
            case 46 -> "certificate_unknown";
            case 47 -> "illegal_parameter";
            case 48 -> "unknown_ca";
            case 50 -> "decode_error";
            case 51 -> "decrypt_error";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 86 -> "inappropriate_fallback";
            case 90 -> "user_canceled";
            case 109 -> "missing_extension";
            case 110 -> "unsupported_extension";
            case 112 -> "unrecognized_name";
            case 120 -> "no_application_protocol";
            default -> "alert " + description;
        };
    }
}
