package org.sstpdoctor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.sstpdoctor.probe.Insights;
import org.sstpdoctor.probe.evidence.ClockSkew;
import org.sstpdoctor.probe.evidence.CryptoBinding;
import org.sstpdoctor.probe.windows.TlsNames;
import org.sstpdoctor.probe.windows.WindowsCompatibility;

/**
 * The JSON fields of {@link Insights}, added within schema v1 (nothing existing renamed); the
 * README's JSON table lists them. Absent parts are {@code null}, empty lists {@code []}.
 */
final class InsightsJson {
    private InsightsJson() {
    }

    static void write(ObjectNode node, Insights in) {
        WindowsCompatibility w = in.windowsCompatibility();
        if (w == null) {
            node.putNull("windowsCompatibility");
        } else {
            ObjectNode wc = node.putObject("windowsCompatibility");
            wc.put("summary", w.summary().name().toLowerCase(Locale.ROOT));
            wc.put("handshakes", w.handshakes());
            ArrayNode rows = wc.putArray("rows");
            for (WindowsCompatibility.Row r : w.rows()) {
                ObjectNode row = rows.addObject();
                row.put("family", r.family().id());
                row.put("label", r.family().label());
                row.put("supported", r.family().supported());
                row.put("status", r.status().id());
                row.put("version", r.version());
                row.put("cipherSuite", r.cipherSuite());
                row.put("reason", r.reason());
                row.put("answer", r.answer());
                row.put("deduced", r.deduced());
                row.put("text", r.line());
                ArrayNode offered = row.putArray("offeredVersions");
                r.family().versions().forEach(v -> offered.add(TlsNames.versionName(v)));
            }
            ArrayNode unconfirmed = wc.putArray("unconfirmed");
            w.unconfirmed().forEach(unconfirmed::add);
        }
        CryptoBinding b = in.cryptoBinding();
        if (b == null) {
            node.putNull("cryptoBinding");
        } else {
            ObjectNode cb = node.putObject("cryptoBinding");
            cb.put("leafSubject", b.leafSubject());
            cb.put("sha256", b.sha256());
            cb.put("sha1", b.sha1());
            cb.put("expected", b.expected());
            if (b.matches().isPresent()) {
                cb.put("matches", b.matches().get());
            } else {
                cb.putNull("matches");
            }
            cb.put("compareWith", CryptoBinding.COMPARE_WITH);
        }
        ObjectNode interception = node.putObject("interception");
        interception.put("detected", in.intercepted());
        interception.put("product", in.interceptionProduct());
        ArrayNode evidence = interception.putArray("evidence");
        in.interceptionEvidence().forEach(evidence::add);
        if (in.serverIdentity() == null) {
            node.putNull("serverIdentity");
        } else {
            ObjectNode id = node.putObject("serverIdentity");
            id.put("product", in.serverIdentity().product());
            id.put("because", in.serverIdentity().because());
            id.put("text", in.serverIdentity().describe());
            id.put("secondLook", in.serverIdentity().secondLook());
        }
        ArrayNode clocks = node.putArray("clockSkews");
        for (ClockSkew s : in.clockSkews()) {
            ObjectNode c = clocks.addObject();
            c.put("who", s.who());
            c.put("date", s.peerDate());
            c.put("skewSeconds", s.skew().getSeconds());
            c.put("significant", s.significant());
            c.put("text", s.describe());
        }
        if (in.captivePortal() == null) {
            node.putNull("captivePortal");
        } else {
            ObjectNode cp = node.putObject("captivePortal");
            cp.put("pageAddress", in.captivePortal().pageAddress());
            cp.put("how", in.captivePortal().how());
        }
    }
}
