package org.sstpdoctor.signin;

import java.util.List;

/**
 * What the sign-in test found. Never holds the password.
 *
 * @param user the name signed in with ("DOMAIN\\user")
 * @param failedStep the step it ended at, or null when signed in
 * @param authProtocol the authentication protocol used or asked for, by display name; "" if none
 * @param hashProtocol "SHA-256" or "SHA-1", the crypto binding's; "" if none was sent
 * @param address the IPv4 address the server offered; "" if none
 * @param dnsServers DNS servers the server offered
 * @param serverMessage the server's own text (MS-CHAPv2 M=, PAP message, LCP Terminate data), sanitised; "" if none
 * @param serverErrorCode the Windows error the server named (MS-CHAPv2 E=), or -1
 * @param ending how the call was left
 */
public record SignInResult(SignInStatus status, String user, SignInStep failedStep, String detail,
                           String authProtocol, String hashProtocol, String address, List<String> dnsServers,
                           String serverMessage, int serverErrorCode, List<StepTiming> steps, String ending,
                           List<String> notes) {
    public SignInResult {
        dnsServers = List.copyOf(dnsServers);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    public boolean signedIn() {
        return status == SignInStatus.SIGNED_IN;
    }
}
