package org.sstpdoctor.probe;

import org.sstpdoctor.signin.SignInResult;
import org.sstpdoctor.signin.SignInStatus;

/**
 * What a sign-in result means for the report: its outcome and what Windows would show. The error
 * numbers are Microsoft's (Routing and Remote Access Error Codes); an MS-CHAPv2 Failure names its own
 * (RFC 2759 §6: 646–649, 691, 709), and that one wins. A rejected crypto binding has no RAS error of
 * its own: the client logs RasSstp event 6 (Richard Hicks, "Always On VPN SSTP connects then
 * disconnects").
 */
public final class SignInOutcomes {
    private SignInOutcomes() {
    }

    public static Outcome outcome(SignInStatus status) {
        return switch (status) {
            case SIGNED_IN -> Outcome.SIGNED_IN;
            case WRONG_CREDENTIALS -> Outcome.SIGNIN_WRONG_CREDENTIALS;
            case AUTH_PROTOCOL_MISMATCH -> Outcome.SIGNIN_AUTH_PROTOCOL;
            case REFUSED -> Outcome.SIGNIN_REFUSED;
            case NO_ADDRESS -> Outcome.SIGNIN_NO_ADDRESS;
            case BINDING_REJECTED -> Outcome.SIGNIN_BINDING_REJECTED;
            case NO_ANSWER -> Outcome.SIGNIN_NO_ANSWER;
            case LCP_NOT_CONVERGING -> Outcome.SIGNIN_LCP_NOT_CONVERGING;
            case CANCELLED -> Outcome.CANCELLED;
            case SERVER_ABORTED, CONNECTION_CLOSED, PROTOCOL_ERROR -> Outcome.SIGNIN_FAILED;
        };
    }

    /** "691", "649", "RasSstp event 6"…, or "" when Windows has no specific error for it. */
    public static String windowsError(SignInResult result) {
        if (result.serverErrorCode() > 0 && result.status() != SignInStatus.SIGNED_IN) {
            return String.valueOf(result.serverErrorCode());
        }
        return switch (result.status()) {
            case WRONG_CREDENTIALS -> "691";
            case AUTH_PROTOCOL_MISMATCH, REFUSED -> "812";
            case NO_ADDRESS -> "720";
            case BINDING_REJECTED -> "RasSstp event 6";
            case NO_ANSWER -> "718";
            case LCP_NOT_CONVERGING -> "732";
            default -> "";
        };
    }
}
