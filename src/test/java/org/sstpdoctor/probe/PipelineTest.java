package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.kb.KnowledgeBase;

/** Adding a stage: what a stage must have, checked, so a missing piece fails here and not in front of a person. */
class PipelineTest {
    @Test
    void everyStageHasExactlyOneStepInTheEnumsOrder() {
        List<Stage> piped = Pipeline.STEPS.stream().map(Step::stage).toList();
        assertEquals(Arrays.asList(Stage.values()), piped, "Pipeline.STEPS lists one step per Stage, in order");
    }

    @Test
    void everyStageHasATitleAndAChecklistText() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/sstpdoctor/ui/messages.properties")) {
            assertNotNull(in, "ui/messages.properties");
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (Stage stage : Stage.values()) {
            assertFalse(stage.title().isBlank(), stage + " title");
            assertFalse(stage.activity().isBlank(), stage + " activity");
            String checklist = messages.getProperty("stage." + stage.id());
            assertTrue(checklist != null && !checklist.isBlank(), "messages.properties lacks stage." + stage.id());
        }
    }

    @Test
    void everyOutcomeAStepCanDecideHasAKnowledgeBaseEntry() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        for (Step step : Pipeline.STEPS) {
            assertFalse(step.outcomes().isEmpty(), step.stage() + " decides no outcome");
            for (Outcome outcome : step.outcomes()) {
                assertTrue(kb.forOutcome(outcome).isPresent(), step.stage() + ": no knowledge-base entry for " + outcome.id());
            }
        }
    }

    @Test
    void everyOutcomeBelongsToAStepOrToTheProbeItself() {
        Set<Outcome> decided = EnumSet.noneOf(Outcome.class);
        Pipeline.STEPS.forEach(s -> decided.addAll(s.outcomes()));
        // The probe itself decides these, whatever the stage.
        decided.addAll(List.of(Outcome.TIMEOUT, Outcome.CANCELLED, Outcome.INTERNAL_ERROR));
        assertEquals(EnumSet.allOf(Outcome.class), decided, "an outcome no step declares");
    }

    @Test
    void everyStepIsATransportOrAnActiveStep() {
        for (Step step : Pipeline.STEPS) {
            assertTrue(step instanceof TransportStep ^ step instanceof ActiveStep, step.stage().toString());
        }
    }
}
