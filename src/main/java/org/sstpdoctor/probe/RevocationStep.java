package org.sstpdoctor.probe;

import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sstpdoctor.probe.revocation.RevocationChecker;
import org.sstpdoctor.probe.revocation.RevocationPolicy;
import org.sstpdoctor.probe.revocation.RevocationResult;

/**
 * The revocation of the server's chain, checked as Windows checks it (CRL and OCSP of every
 * certificate but the root, through the same proxy): a revoked certificate (0x80092010) or a
 * check that cannot be made (0x80092013) makes Windows refuse the connection, so it stops here as a
 * certificate problem does. Runs on the chain captured during the handshake, after the connection
 * (or, with a sign-in to follow, right after the Ack and before any credential is sent), within the
 * probe's deadline.
 */
final class RevocationStep implements ActiveStep {
    @Override
    public Stage stage() {
        return Stage.REVOCATION;
    }

    @Override
    public Set<Outcome> outcomes() {
        return EnumSet.of(Outcome.REVOCATION_GOOD, Outcome.REVOCATION_REVOKED, Outcome.REVOCATION_OFFLINE,
                Outcome.REVOCATION_CRL_STALE, Outcome.REVOCATION_OCSP_UNKNOWN, Outcome.REVOCATION_NO_INFO,
                Outcome.REVOCATION_LDAP_ONLY, Outcome.REVOCATION_NOT_CHECKED);
    }

    @Override
    public boolean finishing() {
        return true;
    }

    /**
     * With a VPN user name it runs before the sign-in, on the call held open after the Ack: the
     * password goes only past a certificate whose revocation was checked and found good.
     */
    @Override
    public boolean inOrder(AttemptContext context) {
        return context.request().signIn() != null;
    }

    /** The words every report shows for the stage when the person turned the check off. */
    public static final String TURNED_OFF = "turned off (--no-revocation-check): not checked, so not known to pass";

    /**
     * Without a certificate there is nothing to check: the stage is reported not reached. Turned off,
     * nothing is fetched and the stage is reported skipped, never passed.
     */
    @Override
    public boolean quiet(AttemptContext context) {
        return chain(context).isEmpty() || !context.request().checkRevocation();
    }

    @Override
    public StepEnd run(AttemptContext context) {
        if (chain(context).isEmpty()) {
            return new StepEnd(StageStatus.NOT_REACHED, "", null);
        }
        if (!context.request().checkRevocation()) {
            return new StepEnd(StageStatus.SKIPPED, TURNED_OFF, null);
        }
        RevocationResult result = new RevocationChecker(context.resolver(), context.clock(), context.revocationCache(),
                RevocationPolicy.DEFAULT).check(chain(context), context.validator(), context.proxy(),
                context.withCredentials() ? context.request().proxy().user() : null,
                context.withCredentials() ? context.request().proxy().password() : null,
                context.tracker().originNanos(), context.deadlineNanos(), context.cancellation());
        context.revocation(result);
        String code = RevocationChecker.windowsCode(result.outcome());
        String detail = result.detail() + (code.isEmpty() ? "" : " [Windows: " + code + "]") + " (" + result.path() + ")";
        if (result.verdict() == Verdict.PASS) {
            return StepEnd.passed(detail);
        }
        context.addFinding(new Finding(result.outcome(), result.detail()));
        if (result.verdict() == Verdict.WARN) {
            return StepEnd.warned(detail);
        }
        return StepEnd.failed(new Classified(result.outcome(), result.answeredBy(), detail, Stage.REVOCATION));
    }

    private static List<X509Certificate> chain(AttemptContext context) {
        Observation observed = context.observation();
        return observed == null || observed.tls() == null ? List.of() : observed.tls().chain();
    }
}
