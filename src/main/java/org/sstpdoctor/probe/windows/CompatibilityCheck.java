package org.sstpdoctor.probe.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.windows.WindowsCompatibility.Row;
import org.sstpdoctor.probe.windows.WindowsCompatibility.Status;

/**
 * Runs the per-family ClientHellos inside the probe's deadline and turns the answers into the table,
 * with the reason for every "no". Only as many handshakes as needed: Windows 10's TLS 1.2 offer is
 * Windows 11's without TLS 1.3 (same suites, groups and signature algorithms, per Microsoft's pages),
 * so when Windows 11 was answered with TLS 1.2 that answer is Windows 10's too.
 */
public final class CompatibilityCheck {
    /** No single ClientHello waits longer than this, however much of the deadline is left. */
    static final long MAX_PER_HELLO_MILLIS = 5000;

    /** Sends one family's hello; replaced in tests by a scripted peer. */
    public interface HelloSender {
        HelloAnswer send(WindowsFamily family, long timeoutMillis);
    }

    /**
     * @param javaProtocol what Java's own handshake negotiated ("TLSv1.3"), empty when it did not complete
     * @param javaSuite the suite Java negotiated, empty when none
     */
    public record JavaHandshake(String javaProtocol, String javaSuite) {
        public JavaHandshake {
            javaProtocol = javaProtocol == null ? "" : javaProtocol;
            javaSuite = javaSuite == null ? "" : javaSuite;
        }
    }

    private CompatibilityCheck() {
    }

    /** Sends real ClientHellos along the route. */
    public static HelloSender over(ClientHelloProber.Route route, Cancellation cancellation) {
        return (family, timeout) -> ClientHelloProber.probe(route, ClientHello.build(family, route.sniName()),
                timeout, cancellation);
    }

    /** The table when nothing could be tested (the server was never reached). */
    public static WindowsCompatibility notTested(String reason) {
        List<Row> rows = new ArrayList<>();
        for (WindowsFamily family : WindowsFamily.values()) {
            rows.add(new Row(family, Status.NOT_TESTED, "", "", reason, "", false));
        }
        return new WindowsCompatibility(rows, 0, WindowsFamily.unconfirmed());
    }

    public static WindowsCompatibility run(HelloSender sender, JavaHandshake java, long deadlineNanos,
                                           Cancellation cancellation) {
        List<HelloAnswer> answers = new ArrayList<>();
        List<Boolean> deduced = new ArrayList<>();
        int sent = 0;
        for (WindowsFamily family : WindowsFamily.values()) {
            HelloAnswer deducedAnswer = family == WindowsFamily.WINDOWS_10 ? fromWindows11(answers) : null;
            if (deducedAnswer != null) {
                answers.add(deducedAnswer);
                deduced.add(true);
                continue;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (cancellation.isCancelled()) {
                answers.add(HelloAnswer.of(HelloAnswer.Kind.NOT_REACHED, "cancelled"));
            } else if (left < 50) {
                answers.add(HelloAnswer.of(HelloAnswer.Kind.TIMEOUT, "no time left within the probe's time limit"));
            } else {
                answers.add(sender.send(family, Math.min(left, MAX_PER_HELLO_MILLIS)));
                sent++;
            }
            deduced.add(false);
        }
        List<Row> rows = new ArrayList<>();
        WindowsFamily[] families = WindowsFamily.values();
        for (int i = 0; i < families.length; i++) {
            rows.add(row(families[i], answers.get(i), deduced.get(i), answers, java));
        }
        return new WindowsCompatibility(rows, sent, WindowsFamily.unconfirmed());
    }

    private static HelloAnswer fromWindows11(List<HelloAnswer> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        HelloAnswer w11 = answers.get(0);
        if (w11.kind() == HelloAnswer.Kind.SERVER_HELLO && w11.version() == TlsNames.TLS_1_2
                && WindowsFamily.WINDOWS_10.offersSuite(w11.suite())
                && WindowsFamily.WINDOWS_10.groups().equals(WindowsFamily.WINDOWS_11.groups())
                && WindowsFamily.WINDOWS_10.signatureSchemes().equals(WindowsFamily.WINDOWS_11.signatureSchemes())) {
            return w11;
        }
        return null;
    }

    static Row row(WindowsFamily family, HelloAnswer answer, boolean deduced, List<HelloAnswer> all, JavaHandshake java) {
        String technical = answer.detail() + (deduced ? " (Windows 11's answer: its TLS 1.2 offer is the same)" : "");
        return switch (answer.kind()) {
            case SERVER_HELLO, HELLO_RETRY -> negotiated(family, answer, technical, deduced);
            case ALERT -> new Row(family, Status.NO, "", "", refusalReason(family, answer, all, java), technical, deduced);
            case CLOSED -> new Row(family, Status.NO, "", "", "the server closes the connection on "
                    + family.shortName() + "'s offer" + versionHint(family, all, java), technical, deduced);
            case NOT_TLS -> new Row(family, Status.NO, "", "", "the server does not answer with TLS", technical, deduced);
            case TIMEOUT -> new Row(family, Status.NOT_TESTED, "", "", answer.detail(), technical, deduced);
            case NOT_REACHED -> new Row(family, Status.NOT_TESTED, "", "", answer.detail(), technical, deduced);
        };
    }

    private static Row negotiated(WindowsFamily family, HelloAnswer answer, String technical, boolean deduced) {
        String version = TlsNames.versionName(answer.version());
        String suite = TlsNames.suiteName(answer.suite());
        if (!family.versions().contains(answer.version())) {
            return new Row(family, Status.NO, "", "", "the server chose " + version + ", which "
                    + family.shortName() + " does not offer", technical, deduced);
        }
        if (!family.offersSuite(answer.suite())) {
            return new Row(family, Status.NO, "", "", "the server chose " + suite + ", which "
                    + family.shortName() + "'s Schannel does not offer", technical, deduced);
        }
        if (answer.kind() == HelloAnswer.Kind.HELLO_RETRY) {
            if (!family.groups().contains(answer.group())) {
                return new Row(family, Status.NO, "", "", "the server wants the key-exchange group "
                        + TlsNames.groupName(answer.group()) + ", which Windows does not offer", technical, deduced);
            }
            return new Row(family, Status.YES, version, suite, "after the server asks for a "
                    + TlsNames.groupName(answer.group()) + " key share", technical, deduced);
        }
        return new Row(family, Status.YES, version, suite, "", technical, deduced);
    }

    private static String refusalReason(WindowsFamily family, HelloAnswer answer, List<HelloAnswer> all,
                                        JavaHandshake java) {
        int alert = answer.alert();
        if (alert == 70) { // protocol_version
            String hint = versionHint(family, all, java);
            return hint.isEmpty() ? "the server does not accept " + versions(family) : hint.substring(2);
        }
        if (alert == 40 || alert == 71 || alert == 47) { // handshake_failure, insufficient_security, illegal_parameter
            int javaSuite = TlsNames.suiteCode(java.javaSuite());
            String javaHint = javaSuite >= 0 && !family.offersSuite(javaSuite)
                    ? " (Java negotiated " + java.javaSuite() + ", which Schannel does not offer)" : "";
            String versionHint = versionHint(family, all, java);
            if (!versionHint.isEmpty() && javaHint.isEmpty()) {
                return versionHint.substring(2);
            }
            return "no cipher suite or key-exchange group in common with " + family.shortName() + "'s Schannel" + javaHint;
        }
        if (alert == 112) {
            return "the server does not know the name sent (unrecognized_name)";
        }
        return "the server refuses " + family.shortName() + "'s offer (" + TlsNames.alertName(alert) + ")";
    }

    /** ", the server offers only TLS 1.3" when something newer than this family's newest was negotiated. */
    private static String versionHint(WindowsFamily family, List<HelloAnswer> all, JavaHandshake java) {
        int lowestAccepted = Integer.MAX_VALUE;
        for (HelloAnswer a : all) {
            if (a.negotiates()) {
                lowestAccepted = Math.min(lowestAccepted, a.version());
            }
        }
        int javaVersion = TlsNames.versionCode(java.javaProtocol());
        if (lowestAccepted == Integer.MAX_VALUE && javaVersion > 0) {
            lowestAccepted = javaVersion;
        }
        if (lowestAccepted != Integer.MAX_VALUE && lowestAccepted > family.newestVersion()) {
            return lowestAccepted == TlsNames.TLS_1_3
                    ? ", the server offers only TLS 1.3"
                    : ", the server offers only " + TlsNames.versionName(lowestAccepted) + " and newer";
        }
        return "";
    }

    private static String versions(WindowsFamily family) {
        return String.join(" or ", family.versions().stream().map(TlsNames::versionName).toList());
    }
}
