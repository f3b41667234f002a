package org.sstpdoctor.signin;

/** Ends the sign-in at a step, classified; thrown by the steps and caught by {@link SignInClient}. */
final class SignInFailure extends Exception {
    private static final long serialVersionUID = 1L;

    final SignInStatus status;
    final String serverMessage;
    final int serverErrorCode;

    SignInFailure(SignInStatus status, String detail) {
        this(status, detail, "", -1);
    }

    SignInFailure(SignInStatus status, String detail, String serverMessage, int serverErrorCode) {
        super(detail, null, false, false);
        this.status = status;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
        this.serverErrorCode = serverErrorCode;
    }

    /** The classification of an event that ends any step in the same way. */
    static SignInFailure of(PppIo.Event event, String waitingFor) {
        if (event instanceof PppIo.TimedOut) {
            return new SignInFailure(SignInStatus.NO_ANSWER, "the server stopped answering while " + waitingFor);
        }
        if (event instanceof PppIo.Closed closed) {
            if (closed.how().equals("cancelled")) {
                return new SignInFailure(SignInStatus.CANCELLED, "cancelled");
            }
            return new SignInFailure(SignInStatus.CONNECTION_CLOSED, closed.how() + " while " + waitingFor);
        }
        if (event instanceof PppIo.SstpEnded ended) {
            String name = ended.packet().knownType().map(Enum::name).orElse("a control message");
            return new SignInFailure(SignInStatus.SERVER_ABORTED, "the server sent " + name + " while " + waitingFor);
        }
        if (event instanceof PppIo.Broken broken) {
            return new SignInFailure(SignInStatus.PROTOCOL_ERROR, broken.what());
        }
        return new SignInFailure(SignInStatus.PROTOCOL_ERROR, "unexpected " + event + " while " + waitingFor);
    }
}
