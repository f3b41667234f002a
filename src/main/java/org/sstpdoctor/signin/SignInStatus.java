package org.sstpdoctor.signin;

/** How the sign-in test ended. The probe maps each to an outcome with its Windows error code. */
public enum SignInStatus {
    SIGNED_IN,
    WRONG_CREDENTIALS,
    AUTH_PROTOCOL_MISMATCH,
    REFUSED,
    NO_ADDRESS,
    BINDING_REJECTED,
    NO_ANSWER,
    LCP_NOT_CONVERGING,
    SERVER_ABORTED,
    CONNECTION_CLOSED,
    PROTOCOL_ERROR,
    CANCELLED
}
