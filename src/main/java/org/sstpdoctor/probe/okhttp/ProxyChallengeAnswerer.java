package org.sstpdoctor.probe.okhttp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.sstpdoctor.probe.Secret;

/**
 * Answers a web proxy's 407 to our CONNECT with Basic credentials, once, and only the proxy's: a
 * 407 that comes from inside the tunnel (the server, or anything pretending) gets nothing, so the
 * password can never reach the server. Without credentials it answers nothing, as Windows does.
 *
 * <p>It also makes the CONNECT request itself what SSTP clients send. OkHttp asks its proxy
 * authenticator before the first CONNECT (a synthetic 407 carrying {@code OkHttp-Preemptive}) and
 * sends whatever request comes back; the answer here is the CONNECT with exactly
 * {@code Host} and {@code SSTPVERSION: 1.0}, in that order, as Open SSTP Client sends it
 * (kittoku/Open-SSTP-Client, {@code establishProxy}); Windows ([MS-SSTP] §4.5) and sstpc also send
 * {@code SSTPVERSION: 1.0}, so that proxy administrators can recognise, and filter, SSTP. OkHttp's
 * own {@code Proxy-Connection} and {@code User-Agent} are left out.
 */
final class ProxyChallengeAnswerer implements Authenticator {
    /** OkHttp asks before the first CONNECT, with this fake challenge; Windows never sends credentials unasked. */
    private static final String PREEMPTIVE = "OkHttp-Preemptive";
    static final String SSTP_VERSION_HEADER = "SSTPVERSION";
    static final String SSTP_VERSION = "1.0";

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
        Request request = response.request();
        if (challenges.stream().anyMatch(c -> PREEMPTIVE.equalsIgnoreCase(c.scheme()))) {
            return sstpConnect(request);
        }
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

    /** The CONNECT as SSTP clients send it: no credentials, as Windows never sends them unasked. */
    static Request sstpConnect(Request okHttpConnect) {
        String host = okHttpConnect.header("Host");
        Headers.Builder headers = new Headers.Builder();
        if (host != null) {
            headers.add("Host", host);
        }
        headers.add(SSTP_VERSION_HEADER, SSTP_VERSION);
        return okHttpConnect.newBuilder().headers(headers.build()).build();
    }

    private static String schemes(List<Challenge> challenges) {
        return challenges.isEmpty() ? "an unknown kind of"
                : String.join(" / ", challenges.stream().map(Challenge::scheme).distinct().toList());
    }
}
