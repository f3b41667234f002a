package org.sstpdoctor.responder;

import java.util.Locale;
import java.util.Optional;

/** How the responder's PPP server side behaves after the Call Connect Ack. */
public enum SignInBehaviour {
    WORKING("Signs the configured user in and offers an address"),
    WRONG_PASSWORD("Rejects every password (MS-CHAP v2 Failure E=691)"),
    POLICY_REFUSAL("Accepts the password, then refuses by policy (E=649, with a message)"),
    NO_ADDRESS("Signs in, then has no address to offer (IPCP Reject)"),
    REJECT_BINDING("Signs in, then aborts at Call Connected as if the certificate hash did not match"),
    SILENT_AFTER_AUTH("Signs in, then stops answering"),
    AUTH_PROTOCOL_MISMATCH("Insists on CHAP with MD5, which Windows does not offer"),
    LCP_NEVER_CONVERGES("Answers every link proposal with a Nak, so the link is never agreed"),
    MSCHAPV2_NOT_ALLOWED("Allows only PAP and ends the link when the client asks for MS-CHAP v2");

    private final String description;

    SignInBehaviour(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<SignInBehaviour> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String normal = id.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SignInBehaviour b : values()) {
            if (b.name().equals(normal)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
