package org.sstpdoctor.profiles;

import java.util.Locale;
import java.util.Optional;
import org.sstpdoctor.text.Sentences;

/**
 * The tunnel types a Windows VPN connection tries, from its {@code VpnStrategy} phone-book key,
 * which holds the value of {@code RASENTRY.dwVpnStrategy}.
 *
 * <p>Values: the {@code VS_*} constants of the Windows SDK's ras.h (VS_Default 0 … VS_Ikev2Sstp 14,
 * VS_ProtocolList 15), as published in Microsoft's Win32 metadata (e.g.
 * https://docs.rs/windows-sys/latest/windows_sys/Win32/NetworkManagement/Rras/constant.VS_SstpFirst.html
 * = 6) and in [MS-RRASM] 2.2.2.2.11 "VpnStrategy" (0–4, 7, 8, same numbers,
 * https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-rrasm/7574fc0f-3e82-4b69-a4c3-43b588fad4d7).
 * That the phone book's key carries these numbers is consistent with published admin scripts
 * ("5=SSTP only, 6=SSTP first … 14=IKEv2 then SSTP"); a Microsoft page stating it for rasphone.pbk
 * was not found (UNCONFIRMED). What Windows 10 tries for 0 ("Automatic") and 15 (its own list of
 * protocols) is not documented in detail: both may try SSTP, so they are reported as "may use SSTP".
 */
public enum VpnStrategy {
    AUTOMATIC(0, Sstp.MAYBE),
    PPTP_ONLY(1, Sstp.NO),
    PPTP_FIRST(2, Sstp.NO),
    L2TP_ONLY(3, Sstp.NO),
    L2TP_FIRST(4, Sstp.NO),
    SSTP_ONLY(5, Sstp.YES),
    SSTP_FIRST(6, Sstp.YES),
    IKEV2_ONLY(7, Sstp.NO),
    IKEV2_FIRST(8, Sstp.MAYBE),
    GRE_ONLY(9, Sstp.NO),
    PPTP_SSTP(12, Sstp.YES),
    L2TP_SSTP(13, Sstp.YES),
    IKEV2_SSTP(14, Sstp.YES),
    PROTOCOL_LIST(15, Sstp.MAYBE);

    /** Whether a connection with this strategy uses SSTP. */
    public enum Sstp { YES, MAYBE, NO }

    private final int value;
    private final Sstp sstp;

    VpnStrategy(int value, Sstp sstp) {
        this.value = value;
        this.sstp = sstp;
    }

    public int value() {
        return value;
    }

    /** For a person: "SSTP only" (the sentence {@code strategy.NAME}). */
    public String label() {
        return Sentences.get("strategy." + name().toLowerCase(Locale.ROOT));
    }

    public Sstp sstp() {
        return sstp;
    }

    public static Optional<VpnStrategy> of(int value) {
        for (VpnStrategy s : values()) {
            if (s.value == value) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
