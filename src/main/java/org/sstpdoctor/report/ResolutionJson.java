package org.sstpdoctor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.Reference;
import org.sstpdoctor.kb.Resolution;

/** The knowledge base's advice as the report's {@code resolution} object. */
public final class ResolutionJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ResolutionJson() {
    }

    public static ObjectNode toNode(Resolution resolution) {
        ObjectNode node = F.objectNode();
        if (resolution == null || resolution.entries().isEmpty()) {
            return node;
        }
        node.put("site", resolution.site());
        ArrayNode entries = node.putArray("entries");
        resolution.entries().forEach(e -> entries.add(entry(e)));
        return node;
    }

    public static ObjectNode entry(KbEntry e) {
        ObjectNode n = F.objectNode();
        n.put("id", e.id());
        n.put("kind", e.kind().id());
        n.put("title", e.title());
        n.put("summary", e.summary());
        ObjectNode endUser = n.putObject("endUser");
        endUser.put("explanation", e.endUser().explanation());
        ArrayNode actions = endUser.putArray("actions");
        e.endUser().actions().forEach(actions::add);
        ObjectNode helpdesk = n.putObject("helpdesk");
        ArrayNode steps = helpdesk.putArray("steps");
        e.helpdesk().steps().forEach(steps::add);
        helpdesk.put("contact", e.helpdesk().contact());
        ArrayNode culprits = n.putArray("culprits");
        e.culprits().forEach(culprits::add);
        ArrayNode sentBy = n.putArray("sentBy");
        e.sentBy().forEach(sentBy::add);
        ArrayNode related = n.putArray("related");
        e.related().forEach(related::add);
        ArrayNode refs = n.putArray("references");
        for (Reference r : e.references()) {
            refs.addObject().put("title", r.title()).put("url", r.url());
        }
        return n;
    }
}
