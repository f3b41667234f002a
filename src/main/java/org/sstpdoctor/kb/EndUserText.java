package org.sstpdoctor.kb;

import java.util.List;

/** For the person whose VPN does not work: what happened, and what they can do. */
public record EndUserText(String explanation, List<String> actions) {
    public EndUserText {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
