package org.sstpdoctor.probe.windows;

import static org.sstpdoctor.probe.windows.TlsNames.SECP256R1;
import static org.sstpdoctor.probe.windows.TlsNames.SECP384R1;
import static org.sstpdoctor.probe.windows.TlsNames.TLS_1_0;
import static org.sstpdoctor.probe.windows.TlsNames.TLS_1_1;
import static org.sstpdoctor.probe.windows.TlsNames.TLS_1_2;
import static org.sstpdoctor.probe.windows.TlsNames.TLS_1_3;
import static org.sstpdoctor.probe.windows.TlsNames.X25519;

import java.util.List;
import java.util.Locale;

/**
 * The families of Windows SSTP client, each with exactly what its Schannel offers by default: the
 * protocol versions, the cipher suites in Schannel's priority order, the key-exchange groups and
 * signature algorithms. The lists are copied from Microsoft's published pages (cited per family);
 * what those pages do not say is marked UNCONFIRMED in {@link #unconfirmed()} and in the README.
 *
 * <p>The NULL suites Microsoft lists as "only used when application explicitly requests" are left
 * out: Schannel does not offer them by default.
 */
public enum WindowsFamily {
    WINDOWS_11("Windows 11", "Windows 11 / Server 2022 and later", true,
            List.of(TLS_1_3, TLS_1_2),
            List.of(
                    "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256",
                    "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            List.of(X25519, SECP256R1, SECP384R1),
            SignatureSchemes.WITH_PSS,
            List.of("TLS Cipher Suites in Windows 11 (Microsoft): "
                            + "https://learn.microsoft.com/en-us/windows/win32/secauthn/tls-cipher-suites-in-windows-11",
                    "TLS Elliptic Curves in Windows 10 version 1607 and later (Microsoft): "
                            + "https://learn.microsoft.com/en-us/windows/win32/secauthn/tls-elliptic-curves-in-windows-10-1607-and-later",
                    "TLS 1.3 for SSTP needs Windows 11 / Server 2022 (Richard Hicks, Always On VPN and TLS 1.3): "
                            + "https://directaccess.richardhicks.com/category/elliptic-curve-cryptography/page/2/")),

    WINDOWS_10("Windows 10", "Windows 10 / Server 2016-2019", true,
            List.of(TLS_1_2),
            List.of(
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256",
                    "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            List.of(X25519, SECP256R1, SECP384R1),
            SignatureSchemes.WITH_PSS,
            List.of("TLS Cipher Suites in Windows 10 v1903, v1909, and v2004 (Microsoft): "
                            + "https://learn.microsoft.com/en-us/windows/win32/secauthn/tls-cipher-suites-in-windows-10-v1903",
                    "TLS Elliptic Curves in Windows 10 version 1607 and later (Microsoft): "
                            + "https://learn.microsoft.com/en-us/windows/win32/secauthn/tls-elliptic-curves-in-windows-10-1607-and-later",
                    "Windows 10 and Server 2019 SSTP clients top out at TLS 1.2 (SoftEther issue #1496): "
                            + "https://github.com/SoftEtherVPN/SoftEtherVPN/issues/1496")),

    WINDOWS_8_1("Windows 8.1", "Windows 8.1 / Server 2012 R2", false,
            List.of(TLS_1_2, TLS_1_1, TLS_1_0),
            List.of(
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256",
                    "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                    "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256",
                    "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA",
                    "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA",
                    "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_RC4_128_MD5"),
            // The _P256/_P384 suffixes of the enabled suites; the _P521 ones are "not enabled by default".
            List.of(SECP256R1, SECP384R1),
            SignatureSchemes.PKCS1_ONLY,
            List.of("TLS Cipher Suites in Windows 8.1 (Microsoft): "
                    + "https://learn.microsoft.com/en-us/windows/win32/secauthn/tls-cipher-suites-in-windows-8-1")),

    WINDOWS_7("Windows 7", "Windows 7 / Server 2008 R2", false,
            List.of(TLS_1_0),
            // Only the suites Microsoft lists for TLS 1.0 can be negotiated by a TLS 1.0 client.
            List.of(
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                    "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA",
                    "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA",
                    "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_RC4_128_MD5"),
            List.of(SECP256R1, SECP384R1),
            List.of(),
            List.of("TLS Cipher Suites in Windows 7 (Microsoft): "
                            + "https://learn.microsoft.com/en-us/windows/win32/secauthn/tls-cipher-suites-in-windows-7",
                    "Windows 7's SSTP client uses TLS 1.0 unless updated (SoftEther issue #1423): "
                            + "https://github.com/SoftEtherVPN/SoftEtherVPN/issues/1423"));

    /** Signature algorithms (RFC 8446 4.2.3 code points). Not on Microsoft's pages: UNCONFIRMED. */
    static final class SignatureSchemes {
        static final List<Integer> WITH_PSS = List.of(0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601,
                0x0403, 0x0503, 0x0603, 0x0201, 0x0203);
        static final List<Integer> PKCS1_ONLY = List.of(0x0401, 0x0501, 0x0601, 0x0201, 0x0403, 0x0503,
                0x0603, 0x0203);

        private SignatureSchemes() {
        }
    }

    private final String shortName;
    private final String label;
    private final boolean supported;
    private final List<Integer> versions;
    private final List<String> suiteNames;
    private final List<Integer> groups;
    private final List<Integer> signatureSchemes;
    private final List<String> sources;

    WindowsFamily(String shortName, String label, boolean supported, List<Integer> versions, List<String> suiteNames,
                  List<Integer> groups, List<Integer> signatureSchemes, List<String> sources) {
        this.shortName = shortName;
        this.label = label;
        this.supported = supported;
        this.versions = List.copyOf(versions);
        this.suiteNames = List.copyOf(suiteNames);
        this.groups = List.copyOf(groups);
        this.signatureSchemes = List.copyOf(signatureSchemes);
        this.sources = List.copyOf(sources);
        for (String name : suiteNames) {
            if (TlsNames.suiteCode(name) < 0) {
                throw new IllegalStateException("no code point for " + name);
            }
        }
    }

    /** "Windows 11", for a table row. */
    public String shortName() {
        return shortName;
    }

    /** "Windows 11 / Server 2022 and later". */
    public String label() {
        return label;
    }

    /** Still supported by Microsoft as an SSTP client; only these decide a failure. */
    public boolean supported() {
        return supported;
    }

    /** Offered protocol versions, newest first. */
    public List<Integer> versions() {
        return versions;
    }

    public int newestVersion() {
        return versions.get(0);
    }

    public boolean offersTls13() {
        return versions.contains(TLS_1_3);
    }

    public List<String> suiteNames() {
        return suiteNames;
    }

    public List<Integer> suiteCodes() {
        return suiteNames.stream().map(TlsNames::suiteCode).toList();
    }

    public boolean offersSuite(int code) {
        return suiteCodes().contains(code);
    }

    public List<Integer> groups() {
        return groups;
    }

    public List<Integer> signatureSchemes() {
        return signatureSchemes;
    }

    public List<String> sources() {
        return sources;
    }

    /** Stable id for the JSON report: "windows_11". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the ClientHello carries that no Microsoft page states; shown beside the table. */
    public static List<String> unconfirmed() {
        return List.of(
                "the order of the ClientHello extensions and the signature algorithms Schannel offers",
                "whether the Windows SSTP client sends the server name (SNI); the probe sends it, as Java does",
                "whether the SSTP client restricts Schannel further (SCH_USE_STRONG_CRYPTO); the defaults are offered",
                "which Windows 7 updates let its SSTP client use TLS 1.1 or 1.2; TLS 1.0 is assumed",
                "whether Windows 8.1's SSTP client uses TLS 1.2; Schannel's defaults are assumed");
    }
}
