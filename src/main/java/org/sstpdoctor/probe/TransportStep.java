package org.sstpdoctor.probe;

import java.util.Optional;

/** A stage the {@link Transport} carries out; this class judges what was observed of it. */
public interface TransportStep extends Step {
    /** Whether the stage is part of this attempt; the proxy tunnel is only with a proxy. */
    default boolean applies(TransportSpec spec) {
        return true;
    }

    /** Why the stage does not apply, for the report ("no proxy"). */
    default String skipReason() {
        return "";
    }

    /** The exchange failed while this stage was in progress: what that means. */
    Classified classifyFailure(Observation observed, TransportSpec spec);

    /** The detail of a stage the engine (not the transport) ends as passed. */
    default String passedDetail(Observation observed) {
        return "";
    }

    /**
     * The exchange completed this stage: whether what came back fails it all the same (an HTTP
     * status other than 200). Empty means it passed.
     */
    default Optional<Classified> judge(Observation observed, TransportSpec spec) {
        return Optional.empty();
    }
}
