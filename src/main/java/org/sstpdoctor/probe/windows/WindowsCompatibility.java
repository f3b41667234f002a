package org.sstpdoctor.probe.windows;

import java.util.List;
import java.util.Optional;

/**
 * Which Windows SSTP clients can set up the secure connection with this server, one row per
 * family, and what that means for the verdict.
 *
 * @param rows one per {@link WindowsFamily}, in catalogue order
 * @param handshakes how many ClientHellos were actually sent
 * @param unconfirmed what the ClientHellos carry that no Microsoft page states
 */
public record WindowsCompatibility(List<Row> rows, int handshakes, List<String> unconfirmed) {
    public enum Status {
        YES, NO, NOT_TESTED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What this report's table says about all families together. */
    public enum Summary {
        /** Every family tested can connect. */
        ALL,
        /** At least one supported family can, some other family cannot. */
        SOME,
        /** Every supported family was tested, and none can. */
        NONE,
        /** Not enough was tested to say. */
        UNKNOWN
    }

    /**
     * @param version the negotiated version ("TLS 1.3"), empty unless YES
     * @param cipherSuite the negotiated suite, empty unless YES
     * @param reason why not (NO) or why it was not tested (NOT_TESTED); for YES a remark or empty
     * @param answer what the server answered, technically
     * @param deduced true when no ClientHello was sent because another family's answer settles it
     */
    public record Row(WindowsFamily family, Status status, String version, String cipherSuite, String reason,
                      String answer, boolean deduced) {
        /** "Windows 11: yes, TLS 1.3" / "Windows 10: no — the server offers only TLS 1.3". */
        public String line() {
            return family.shortName() + ": " + verdictText();
        }

        public String verdictText() {
            return switch (status) {
                case YES -> "yes, " + version + (reason.isEmpty() ? "" : " (" + reason + ")");
                case NO -> "no \u2014 " + reason;
                case NOT_TESTED -> "not tested \u2014 " + reason;
            };
        }
    }

    public WindowsCompatibility {
        rows = List.copyOf(rows);
        unconfirmed = List.copyOf(unconfirmed);
    }

    public Optional<Row> row(WindowsFamily family) {
        return rows.stream().filter(r -> r.family() == family).findFirst();
    }

    public Summary summary() {
        List<Row> supported = rows.stream().filter(r -> r.family().supported()).toList();
        boolean anySupportedYes = supported.stream().anyMatch(r -> r.status() == Status.YES);
        boolean allSupportedNo = !supported.isEmpty() && supported.stream().allMatch(r -> r.status() == Status.NO);
        boolean anyNo = rows.stream().anyMatch(r -> r.status() == Status.NO);
        boolean allYes = rows.stream().allMatch(r -> r.status() == Status.YES);
        if (allSupportedNo) {
            return Summary.NONE;
        }
        if (anySupportedYes && anyNo) {
            return Summary.SOME;
        }
        if (allYes) {
            return Summary.ALL;
        }
        return anySupportedYes ? Summary.ALL : Summary.UNKNOWN;
    }

    /** The families that cannot connect, for a finding's detail: "Windows 10: no — …; Windows 7: no — …". */
    public String failuresText() {
        return String.join("; ", rows.stream().filter(r -> r.status() == Status.NO).map(Row::line).toList());
    }
}
