package org.sstpdoctor.ui;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import org.sstpdoctor.eventlog.ExplainedEvent;
import org.sstpdoctor.kb.KbEntry;

/**
 * Recent VPN errors: what Windows' event log recorded about VPN connections (RasClient 20227 and
 * 20226, RasSstp), each explained, with "Test this server" when the server is known (the connection is
 * set up on this computer). Read with wevtutil off the FX thread when the page first opens; on a
 * computer without an event log the page says so and points to pasting an event into Look up.
 */
public final class EventsPageController implements WizardPage {
    @FXML Label eventsCount;
    @FXML SplitPane split;
    @FXML ListView<ExplainedEvent> eventList;
    @FXML VBox eventBox;
    @FXML Button testButton;
    @FXML Button pasteButton;

    private PageContext context;
    private boolean loaded;

    @Override
    public void initialise(PageContext pageContext) {
        this.context = pageContext;
        eventList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ExplainedEvent e, boolean empty) {
                super.updateItem(e, empty);
                String text = empty || e == null ? null : e.event().headline()
                        + (e.event().when().isEmpty() ? "" : "\n" + e.event().when(java.time.ZoneId.systemDefault()));
                setText(text);
                setWrapText(true);
                setPrefWidth(0);
                setAccessibleText(text);
            }
        });
        eventList.setPlaceholder(WholeText.placeholder(Texts.get("events.empty")));
        eventList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> show(now));
        testButton.disableProperty().bind(eventList.getSelectionModel().selectedItemProperty().isNull());
    }

    @Override
    public void shown() {
        if (loaded) {
            return;
        }
        eventsCount.setText(Texts.get("events.loading"));
        context.background().run(() -> HelpdeskUi.desk(context).recentErrors(context.services().kb().join()),
                this::fill, e -> eventsCount.setText(Texts.get("events.unreadable")));
    }

    private void fill(List<ExplainedEvent> events) {
        loaded = true;
        eventList.getItems().setAll(events);
        eventsCount.setText(events.isEmpty() ? Texts.get("events.none") : Texts.get("events.count", events.size()));
        if (!events.isEmpty()) {
            eventList.getSelectionModel().selectFirst();
        }
    }

    private void show(ExplainedEvent e) {
        eventBox.getChildren().clear();
        if (e == null) {
            return;
        }
        eventBox.getChildren().add(HelpdeskUi.eventFacts(e));
        for (KbEntry entry : e.entries()) {
            eventBox.getChildren().add(EntryViews.full(entry, context.openUrl(), q -> context.actions().lookup(q),
                    id -> context.services().kb().getNow(null) == null ? id
                            : context.services().kb().getNow(null).byId(id).map(KbEntry::title).orElse(id)));
        }
        testButton.setText(e.server().isPresent() ? Texts.get("events.test", e.server().get())
                : Texts.get("events.test.unknown"));
    }

    /** Fills the address page from the event (its connection's server and name) and opens it. */
    @FXML
    void testServer() {
        ExplainedEvent e = eventList.getSelectionModel().getSelectedItem();
        if (e != null) {
            HelpdeskUi.testFromEvent(context, e);
        }
    }

    @FXML
    void paste() {
        context.actions().lookup(HelpdeskUi.clipboardText());
    }

    @Override
    public void focus() {
        split.setDividerPositions(0.4);
        eventList.requestFocus();
    }
}
