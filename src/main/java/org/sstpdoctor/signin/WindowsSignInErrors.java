package org.sstpdoctor.signin;

/**
 * The Windows errors an MS-CHAPv2 Failure can name in its E= field (RFC 2759 §6), in words.
 */
public final class WindowsSignInErrors {
    private WindowsSignInErrors() {
    }

    public static String describe(int code) {
        return switch (code) {
            case 646 -> "ERROR_RESTRICTED_LOGON_HOURS: the account may not sign in at this time of day";
            case 647 -> "ERROR_ACCT_DISABLED: the account is disabled";
            case 648 -> "ERROR_PASSWD_EXPIRED: the password has expired";
            case 649 -> "ERROR_NO_DIALIN_PERMISSION: the account has no permission to connect";
            case 691 -> "ERROR_AUTHENTICATION_FAILURE: the user name or password is not recognised";
            case 709 -> "ERROR_CHANGING_PASSWORD: the password must be changed";
            default -> "Windows error " + code;
        };
    }
}
