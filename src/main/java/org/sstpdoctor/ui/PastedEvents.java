package org.sstpdoctor.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.sstpdoctor.eventlog.EventText;
import org.sstpdoctor.eventlog.ExplainedEvent;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.text.UntrustedText;

/**
 * Pasted Event Viewer text or XML in the Look-up box: what was found (the connection, the error code,
 * the HTTP status), and "Test" for the server when it is known. A text field drops line breaks, so a
 * multi-line paste is kept whole here while the field shows its first words.
 */
final class PastedEvents {
    private final VBox box;
    private final TextField field;
    private final PageContext context;
    private String raw;
    private String shown;

    PastedEvents(VBox box, TextField field, PageContext context) {
        this.box = box;
        this.field = field;
        this.context = context;
        show(false);
    }

    /** Keeps a multi-line event whole and puts its short form in the field; false for anything else. */
    boolean offer(String text) {
        if (text == null || !text.contains("\n") || !EventText.looksLikeEvent(text)) {
            return false;
        }
        raw = text.length() > EventText.MAX_CHARS ? text.substring(0, EventText.MAX_CHARS) : text;
        shown = UntrustedText.line(text, 80);
        if (shown.equals(field.getText())) {
            field.setText(""); // the same paste again: search once more
        }
        field.setText(shown);
        return true;
    }

    /** The knowledge base's entries for the events in the text (empty when it is no event). */
    List<KbEntry> explain(String text, KnowledgeBase kb) {
        String source = raw != null && text != null && text.equals(shown) ? raw : text;
        if (source == null || !EventText.looksLikeEvent(source)) {
            raw = null;
            show(false);
            return List.of();
        }
        List<org.sstpdoctor.eventlog.VpnEvent> parsed = EventText.parse(source);
        var desk = context.services().helpdesk();
        List<ExplainedEvent> events = ExplainedEvent.explain(parsed, kb, desk.profilesIfRead());
        if (events.isEmpty()) {
            box.getChildren().clear();
            show(false);
            return List.of();
        }
        render(events);
        if (!desk.profilesRead() && events.stream().anyMatch(e -> !e.event().connectionName().isEmpty())) {
            // The connections set up here are read off the FX thread the first time; then "Test" gets its server.
            String pastedNow = source;
            context.background().run(desk::profiles, profiles -> {
                String current = raw != null && shown != null && shown.equals(field.getText()) ? raw : field.getText();
                if (pastedNow.equals(current)) {
                    render(ExplainedEvent.explain(parsed, kb, profiles));
                }
            }, e -> { });
        }
        LinkedHashSet<KbEntry> entries = new LinkedHashSet<>();
        events.forEach(e -> entries.addAll(e.entries()));
        return new ArrayList<>(entries);
    }

    /** What was found in each event, with "Test" for its server, or for one to type when only its connection is named. */
    private void render(List<ExplainedEvent> events) {
        box.getChildren().clear();
        box.getChildren().add(new Label(Texts.get("lookup.pasted", events.size())));
        for (ExplainedEvent e : events.subList(0, Math.min(events.size(), 5))) {
            VBox facts = HelpdeskUi.eventFacts(e);
            facts.getChildren().get(0).getStyleClass().add("pasted-headline");
            box.getChildren().add(facts);
            Button test = null;
            if (e.server().isPresent()) {
                test = new Button(Texts.get("lookup.pasted.test", e.server().get()));
                test.setMnemonicParsing(false); // a server name is not a mnemonic
            } else if (!e.event().connectionName().isEmpty()) {
                test = new Button(Texts.get("events.test.unknown"));
            }
            if (test != null) {
                test.getStyleClass().add("pasted-test");
                test.setOnAction(a -> HelpdeskUi.testFromEvent(context, e));
                box.getChildren().add(test);
            }
        }
        show(true);
    }

    /** Whether the last text held an event (shown above the entries, explained or not). */
    boolean found() {
        return box.isVisible();
    }

    private void show(boolean on) {
        box.setVisible(on);
        box.setManaged(on);
    }
}
