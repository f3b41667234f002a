package org.sstpdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import org.sstpdoctor.probe.revocation.CertificateRevocation;
import org.sstpdoctor.probe.revocation.RevocationChecker;
import org.sstpdoctor.probe.revocation.RevocationFetch;
import org.sstpdoctor.probe.revocation.RevocationResult;

/** The report's {@code revocation} object (JSON v1, added by issue 11; documented in the README). */
final class RevocationJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RevocationJson() {
    }

    static JsonNode of(RevocationResult r) {
        if (r == null) {
            return F.nullNode();
        }
        ObjectNode n = F.objectNode();
        n.put("outcome", r.outcome().id());
        n.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        n.put("title", r.outcome().title());
        n.put("answeredBy", r.answeredBy().name().toLowerCase(Locale.ROOT));
        n.put("windowsCode", RevocationChecker.windowsCode(r.outcome()));
        n.put("detail", r.detail());
        n.put("path", r.path());
        n.put("startMs", round(r.startMillis()));
        n.put("durationMs", round(r.durationMillis()));
        ArrayNode certificates = n.putArray("certificates");
        for (CertificateRevocation c : r.certificates()) {
            ObjectNode cn = certificates.addObject();
            cn.put("position", c.position());
            cn.put("subject", c.subject());
            cn.put("serialNumber", c.serialNumber());
            cn.put("outcome", c.outcome().id());
            cn.put("detail", c.detail());
            c.crlUrls().forEach(cn.putArray("crlUrls")::add);
            if (c.crlUrls().isEmpty()) {
                cn.putArray("crlUrls");
            }
            c.ocspUrls().forEach(cn.putArray("ocspUrls")::add);
            if (c.ocspUrls().isEmpty()) {
                cn.putArray("ocspUrls");
            }
            cn.put("method", c.method());
            instant(cn, "revokedAt", c.revokedAt());
            cn.put("reason", c.reason());
            instant(cn, "thisUpdate", c.thisUpdate());
            instant(cn, "nextUpdate", c.nextUpdate());
        }
        ArrayNode fetches = n.putArray("fetches");
        for (RevocationFetch f : r.fetches()) {
            ObjectNode fn = fetches.addObject();
            fn.put("kind", f.kind());
            fn.put("url", f.url());
            fn.put("via", f.via());
            fn.put("answeredBy", f.answeredBy().name().toLowerCase(Locale.ROOT));
            if (f.httpStatus() > 0) {
                fn.put("httpStatus", f.httpStatus());
            } else {
                fn.putNull("httpStatus");
            }
            fn.put("bytes", f.bytes());
            if (f.startMillis() >= 0) {
                fn.put("startMs", round(f.startMillis()));
                fn.put("durationMs", round(f.durationMillis()));
            } else {
                fn.putNull("startMs");
                fn.putNull("durationMs");
            }
            fn.put("problem", f.problem());
            fn.put("detail", f.detail());
            fn.put("fromCache", f.fromCache());
        }
        return n;
    }

    private static void instant(ObjectNode n, String name, Instant value) {
        if (value == null) {
            n.putNull(name);
        } else {
            n.put(name, value.toString());
        }
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
