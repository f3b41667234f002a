package org.sstpdoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sstpdoctor.eventlog.EventText;
import org.sstpdoctor.eventlog.ExplainedEvent;
import org.sstpdoctor.eventlog.VpnEvent;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.profiles.VpnProfiles;
import org.sstpdoctor.report.ResolutionJson;

/** {@code lookup -} with a pasted Event Viewer text or XML: what was found, and each thing explained. */
final class PastedInput {
    private PastedInput() {
    }

    /** Standard input, at most {@link EventText#MAX_CHARS} characters' worth. */
    static String read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(EventText.MAX_CHARS * 2);
        return new String(bytes, StandardCharsets.UTF_8).trim();
    }

    static int explain(List<VpnEvent> events, KnowledgeBase kb, CliContext context, PrintWriter out, boolean json)
            throws IOException {
        VpnProfiles profiles = new VpnProfiles(context.environment(), System.getProperty("os.name", ""));
        List<ExplainedEvent> explained = ExplainedEvent.explain(events, kb, profiles.find());
        if (json) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (ExplainedEvent e : explained) {
                ObjectNode n = array.addObject();
                VpnEvent v = e.event();
                n.put("provider", v.provider());
                n.put("eventId", v.eventId());
                n.put("when", v.when());
                n.put("computer", v.computer());
                n.put("connection", v.connectionName());
                n.put("errorCode", v.errorHex().orElse(null));
                if (v.reasonCode() != null) {
                    n.put("reasonCode", v.reasonCode());
                } else {
                    n.putNull("reasonCode");
                }
                if (v.httpStatus() != null) {
                    n.put("httpStatus", v.httpStatus());
                } else {
                    n.putNull("httpStatus");
                }
                n.put("httpStatusReading", v.httpStatusReading());
                n.put("server", e.server().orElse(null));
                ArrayNode entries = n.putArray("entries");
                e.entries().forEach(k -> entries.add(ResolutionJson.entry(k)));
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array));
        } else {
            for (int i = 0; i < explained.size(); i++) {
                if (i > 0) {
                    out.println();
                    out.println("----");
                }
                out.print(explained.get(i).toText());
            }
        }
        return 0;
    }
}
