package org.sstpdoctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Finding;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyReply;
import org.sstpdoctor.probe.SignInReport;
import org.sstpdoctor.probe.SstpResult;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.probe.TlsInfo;

/**
 * The machine-readable report, schema {@value #SCHEMA}. Field names are written out here one by
 * one, not derived from the Java records, because scripts depend on them: renaming a Java field must
 * not change the contract. The README documents every field.
 */
public final class JsonReport {
    public static final String SCHEMA = "sstp-doctor/report/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonReport() {
    }

    /** The report as pretty-printed JSON; {@code resolution} is the knowledge base's advice (may be empty). */
    public static String render(ProbeReport report, ObjectNode resolution) {
        try {
            return MAPPER.writeValueAsString(toTree(report, resolution));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    public static String render(ProbeReport report) {
        return render(report, F.objectNode());
    }

    /** One line, for JSON-lines output. */
    public static String renderLine(ProbeReport report, ObjectNode resolution) {
        try {
            return new ObjectMapper().writeValueAsString(toTree(report, resolution));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    public static ObjectNode toTree(ProbeReport report, ObjectNode resolution) {
        ObjectNode root = F.objectNode();
        root.put("schema", SCHEMA);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "SSTP Doctor");
        tool.put("version", report.toolVersion());
        // Added within v1: where the test ran, so that a report read elsewhere says "Report from alice-laptop".
        root.put("computer", org.sstpdoctor.probe.ThisComputer.name());
        attempt(root, report);
        root.set("resolution", resolution == null ? F.objectNode() : resolution);
        return root;
    }

    private static void attempt(ObjectNode node, ProbeReport r) {
        node.put("startedAt", r.startedAt().toString());
        ObjectNode target = node.putObject("target");
        target.put("typed", r.target().typed());
        target.put("host", r.target().host());
        target.put("displayHost", r.target().displayHost());
        target.put("port", r.target().port());
        target.put("sstpUrl", r.target().sstpUrl());
        ObjectNode proxy = node.putObject("proxy");
        proxy.put("mode", r.proxy().mode().id());
        proxy.put("used", r.proxy().used());
        proxy.put("endpoint", r.proxy().endpoint());
        proxy.put("source", r.proxy().source());
        proxy.put("user", r.proxy().user());
        proxy.put("passwordGiven", r.proxy().passwordGiven());
        node.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        node.put("outcome", r.outcome().id());
        node.put("outcomeTitle", r.outcome().title());
        node.put("answeredBy", r.answeredBy().name().toLowerCase(Locale.ROOT));
        node.put("detail", r.detail());
        ArrayNode findings = node.putArray("findings");
        r.findings().forEach(f -> findings.add(finding(f)));
        node.set("beyondCertificate", r.beyondCertificate() == null ? F.nullNode() : finding(r.beyondCertificate()));
        ArrayNode stages = node.putArray("stages");
        r.stages().forEach(s -> stages.add(stage(s)));
        strings(node.putArray("resolvedAddresses"), r.resolvedAddresses());
        strings(node.putArray("connectAttempts"), r.connectAttempts());
        node.set("http", r.httpResponse() == null ? F.nullNode() : reply(r.httpResponse()));
        ArrayNode proxyReplies = node.putArray("proxyReplies");
        r.proxyReplies().forEach(p -> proxyReplies.add(proxyReply(p)));
        node.set("tls", r.tls() == null ? F.nullNode() : tls(r.tls(), r.startedAt()));
        node.set("sstp", r.sstp() == null ? F.nullNode() : sstp(r.sstp()));
        node.put("requestHead", r.requestHead());
        node.put("connectHead", r.connectHead());
        node.set("revocation", RevocationJson.of(r.revocation()));
        strings(node.putArray("notes"), r.notes());
        node.put("totalMs", round(r.totalMillis()));
        node.put("credentialsUsed", r.credentialsUsed());
        InsightsJson.write(node, r.insights());
        node.set("signIn", r.signIn() == null ? F.nullNode() : signIn(r.signIn()));
        if (r.authenticatedRetry() == null) {
            node.putNull("authenticatedRetry");
        } else {
            ObjectNode retry = F.objectNode();
            attempt(retry, r.authenticatedRetry());
            node.set("authenticatedRetry", retry);
        }
    }

    /** The sign-in test (issue 13): which user, never the password. */
    private static ObjectNode signIn(SignInReport s) {
        ObjectNode n = F.objectNode();
        n.put("user", s.user());
        n.put("attempted", s.attempted());
        n.put("skippedReason", s.skippedReason());
        if (s.outcome() == null) {
            n.putNull("outcome");
            n.putNull("verdict");
        } else {
            n.put("outcome", s.outcome().id());
            n.put("verdict", s.outcome().verdict().name().toLowerCase(Locale.ROOT));
        }
        n.put("windowsError", s.windowsError());
        n.put("detail", s.detail());
        n.put("authProtocol", s.authProtocol());
        n.put("hashProtocol", s.hashProtocol());
        n.put("address", s.address());
        strings(n.putArray("dnsServers"), s.dnsServers());
        n.put("serverMessage", s.serverMessage());
        ArrayNode steps = n.putArray("steps");
        for (SignInReport.Step step : s.steps()) {
            ObjectNode st = steps.addObject();
            st.put("step", step.id());
            st.put("title", step.title());
            st.put("status", step.passed() ? "passed" : "failed");
            st.put("startMs", round(step.startMs()));
            st.put("durationMs", round(step.durationMs()));
            st.put("detail", step.detail());
        }
        n.put("ending", s.ending());
        strings(n.putArray("notes"), s.notes());
        return n;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode n = F.objectNode();
        n.put("outcome", f.outcome().id());
        n.put("verdict", f.verdict().name().toLowerCase(Locale.ROOT));
        n.put("title", f.outcome().title());
        n.put("detail", f.detail());
        return n;
    }

    private static ObjectNode stage(StageResult s) {
        ObjectNode n = F.objectNode();
        n.put("stage", s.stage().id());
        n.put("title", s.stage().title());
        n.put("status", s.status().id());
        if (s.started()) {
            n.put("startMs", round(s.startMillis()));
            n.put("durationMs", round(s.durationMillis()));
        } else {
            n.putNull("startMs");
            n.putNull("durationMs");
        }
        n.put("detail", s.detail());
        return n;
    }

    private static ObjectNode reply(HttpReply h) {
        ObjectNode n = F.objectNode();
        n.put("statusLine", h.statusLine());
        n.put("protocol", h.protocol());
        n.put("status", h.code());
        n.put("reason", h.reason());
        ArrayNode headers = n.putArray("headers");
        for (Header header : h.headers()) {
            headers.addObject().put("name", header.name()).put("value", header.value());
        }
        n.put("headersOmitted", h.headersOmitted());
        n.put("bodyExcerpt", h.bodyExcerpt());
        return n;
    }

    private static ObjectNode proxyReply(ProxyReply p) {
        ObjectNode n = reply(p.reply());
        n.put("connectTarget", p.connectTarget());
        n.put("credentialsSent", p.credentialsSent());
        strings(n.putArray("authSchemes"), p.authSchemes());
        return n;
    }

    private static ObjectNode tls(TlsInfo t, java.time.Instant testedAt) {
        ObjectNode n = F.objectNode();
        n.put("protocol", t.protocol());
        n.put("cipherSuite", t.cipherSuite());
        n.put("trusted", t.trusted());
        n.put("trustDetail", t.trustDetail());
        n.put("nameMatches", t.nameMatches());
        ArrayNode findings = n.putArray("findings");
        t.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode chain = n.putArray("chain");
        t.chain().forEach(c -> chain.add(certificate(c, testedAt)));
        return n;
    }

    private static ObjectNode certificate(CertificateInfo c, java.time.Instant testedAt) {
        ObjectNode n = F.objectNode();
        n.put("subject", c.subject());
        n.put("issuer", c.issuer());
        n.put("serialNumber", c.serialNumber());
        n.put("notBefore", c.notBefore().toString());
        n.put("notAfter", c.notAfter().toString());
        strings(n.putArray("subjectAltNames"), c.subjectAltNames());
        n.put("sha256Fingerprint", c.sha256Fingerprint());
        n.put("keyAlgorithm", c.keyAlgorithm());
        n.put("keyBits", c.keyBits());
        n.put("signatureAlgorithm", c.signatureAlgorithm());
        strings(n.putArray("keyUsage"), c.keyUsage());
        strings(n.putArray("extendedKeyUsage"), c.extendedKeyUsage());
        n.put("selfSigned", c.selfSigned());
        n.put("certificateAuthority", c.certificateAuthority());
        // Added within v1: the days the other formats show, when fewer than 30 remain (negative once expired).
        OutlineBuilder.daysLeft(c.notAfter(), testedAt).ifPresentOrElse(d -> n.put("daysLeft", d), () -> n.putNull("daysLeft"));
        return n;
    }

    private static ObjectNode sstp(SstpResult s) {
        ObjectNode n = F.objectNode();
        n.put("request", s.requestHex());
        n.put("answer", s.answer());
        n.put("answerDescription", s.answerDescription());
        n.put("answerBytes", s.answerHex());
        if (s.statusCode() >= 0) {
            n.put("status", s.statusCode());
        } else {
            n.putNull("status");
        }
        n.put("statusName", s.statusName());
        n.put("hashProtocols", s.hashProtocols());
        n.put("ending", s.ending());
        return n;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static double round(double millis) {
        return Math.round(millis * 100.0) / 100.0;
    }

    /** Parses a rendered report back, for tests and tools. */
    public static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }
}
