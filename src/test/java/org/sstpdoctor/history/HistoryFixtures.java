package org.sstpdoctor.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Reports in the JSON contract's shape, built by hand so each field under test is explicit. */
public final class HistoryFixtures {
    private HistoryFixtures() {
    }

    public static ObjectNode report(Instant at, String host, String verdict, String outcome, Integer status,
                                    String issuer, String fingerprint, Instant notAfter, List<String> addresses,
                                    String proxyEndpoint) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode r = f.objectNode();
        r.put("schema", "sstp-doctor/report/v1");
        r.putObject("tool").put("name", "SSTP Doctor").put("version", "0.1.0");
        r.put("startedAt", at.toString());
        r.putObject("target").put("typed", host).put("host", host).put("displayHost", host).put("port", 443)
                .put("sstpUrl", "https://" + host + "/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/");
        ObjectNode proxy = r.putObject("proxy").put("mode", proxyEndpoint == null ? "none" : "manual")
                .put("used", proxyEndpoint != null).put("endpoint", proxyEndpoint == null ? "" : proxyEndpoint)
                .put("source", proxyEndpoint == null ? "" : "typed");
        proxy.putNull("user");
        proxy.put("passwordGiven", false);
        r.put("verdict", verdict).put("outcome", outcome).put("outcomeTitle", "title of " + outcome)
                .put("answeredBy", "server").put("detail", "detail of " + outcome);
        r.putArray("findings").addObject().put("outcome", outcome).put("verdict", verdict)
                .put("title", "title of " + outcome).put("detail", "detail of " + outcome);
        r.putNull("beyondCertificate");
        r.putArray("stages");
        addresses.forEach(r.putArray("resolvedAddresses")::add);
        r.putArray("connectAttempts");
        if (status == null) {
            r.putNull("http");
        } else {
            r.putObject("http").put("statusLine", "HTTP/1.1 " + status).put("protocol", "HTTP/1.1").put("status", status);
        }
        r.putArray("proxyReplies");
        if (issuer == null) {
            r.putNull("tls");
        } else {
            ObjectNode tls = r.putObject("tls").put("protocol", "TLSv1.3").put("cipherSuite", "TLS_AES_128_GCM_SHA256");
            tls.putArray("chain").addObject().put("subject", "CN=" + host).put("issuer", issuer)
                    .put("sha256Fingerprint", fingerprint).put("notBefore", at.minusSeconds(86_400L * 60).toString())
                    .put("notAfter", notAfter.toString());
        }
        r.putNull("sstp");
        r.put("requestHead", "");
        r.putArray("notes");
        r.put("totalMs", 12.5);
        r.put("credentialsUsed", false);
        r.putNull("authenticatedRetry");
        r.putObject("resolution");
        return r;
    }

    public static ObjectNode reachable(Instant at, String host) {
        return report(at, host, "pass", "sstp_ack", 200, "CN=Old CA", "AA:BB", at.plusSeconds(86_400L * 300),
                List.of("203.0.113.10"), null);
    }
}
