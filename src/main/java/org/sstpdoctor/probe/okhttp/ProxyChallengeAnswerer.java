package org.sstpdoctor.probe.okhttp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.sstpdoctor.probe.Secret;

/**
 * Answers a web proxy's 407 to our CONNECT with Basic credentials, once, and only the proxy's: a
 * 407 that comes from inside the tunnel (the server, or anything pretending) gets nothing, so the
 * password can never reach the server. Without credentials it answers nothing, as Windows does.
 */
final class ProxyChallengeAnswerer implements Authenticator {
    /** OkHttp asks before the first CONNECT, with this fake challenge; Windows never sends credentials unasked. */
    private static final String PREEMPTIVE = "OkHttp-Preemptive";

    private final String user;
    private final Secret password;
    private final List<String> notes;

    ProxyChallengeAnswerer(String user, Secret password, List<String> notes) {
        this.user = user;
        this.password = password;
        this.notes = notes;
    }

    @Override
    public Request authenticate(Route route, Response response) {
        List<Challenge> challenges = response.challenges();
        if (challenges.stream().anyMatch(c -> PREEMPTIVE.equalsIgnoreCase(c.scheme()))) {
            return null;
        }
        Request request = response.request();
        if (!"CONNECT".equals(request.method())) {
            notes.add("The server answered 407 from inside the secure tunnel; no credentials were sent to it.");
            return null;
        }
        if (user == null) {
            return null;
        }
        if (request.header("Proxy-Authorization") != null) {
            return null; // already tried: the proxy rejected the credentials
        }
        boolean basicOffered = challenges.stream().anyMatch(c -> "basic".equals(c.scheme().toLowerCase(Locale.ROOT)));
        if (!basicOffered) {
            notes.add("The proxy asks for " + schemes(challenges)
                    + " sign-in; SSTP Doctor can sign in to a proxy with Basic only, so the credentials were not used.");
            return null;
        }
        char[] chars = password == null ? new char[0] : password.reveal();
        try {
            String header = Credentials.basic(user, new String(chars), StandardCharsets.UTF_8);
            return request.newBuilder().header("Proxy-Authorization", header).build();
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    private static String schemes(List<Challenge> challenges) {
        return challenges.isEmpty() ? "an unknown kind of"
                : String.join(" / ", challenges.stream().map(Challenge::scheme).distinct().toList());
    }
}
