package org.sstpdoctor.kb;

import java.util.List;

/** For the helpdesk or the server's administrator: steps in order, and who to contact. */
public record HelpdeskText(List<String> steps, String contact) {
    public HelpdeskText {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
