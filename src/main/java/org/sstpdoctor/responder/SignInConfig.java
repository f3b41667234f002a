package org.sstpdoctor.responder;

import java.util.Objects;
import org.sstpdoctor.ppp.AuthProtocol;
import org.sstpdoctor.probe.Secret;

/**
 * The responder's PPP server side: the one account it knows, the authentication protocol it asks
 * for (MS-CHAP v2 unless set to PAP or EAP), the address it offers, and how it misbehaves.
 */
public record SignInConfig(String user, Secret password, AuthProtocol auth, SignInBehaviour behaviour,
                           String clientAddress, String serverAddress, String dns, String policyMessage) {
    public SignInConfig {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        auth = auth == null ? AuthProtocol.MSCHAP_V2 : auth;
        behaviour = behaviour == null ? SignInBehaviour.WORKING : behaviour;
        clientAddress = clientAddress == null ? "10.77.0.2" : clientAddress;
        serverAddress = serverAddress == null ? "10.77.0.1" : serverAddress;
        dns = dns == null ? "10.77.0.53" : dns;
        policyMessage = policyMessage == null
                ? "Your account does not have permission to connect remotely. Contact your administrator." : policyMessage;
    }

    public static SignInConfig of(String user, Secret password) {
        return new SignInConfig(user, password, null, null, null, null, null, null);
    }

    public SignInConfig withBehaviour(SignInBehaviour b) {
        return new SignInConfig(user, password, auth, b, clientAddress, serverAddress, dns, policyMessage);
    }

    public SignInConfig withAuth(AuthProtocol a) {
        return new SignInConfig(user, password, a, behaviour, clientAddress, serverAddress, dns, policyMessage);
    }

    @Override
    public String toString() {
        return "SignInConfig[user=" + user + ", auth=" + auth + ", behaviour=" + behaviour + "]";
    }
}
