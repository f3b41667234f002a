package org.sstpdoctor.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.sstpdoctor.history.Comparison;
import org.sstpdoctor.history.HistoryStore;
import org.sstpdoctor.history.HistoryText;
import org.sstpdoctor.ticket.TicketSummary;

/**
 * History: every test kept on this computer, newest first. A selected test says what changed since
 * the test of the same server before it; it can be opened as a result page, tested again, or copied
 * as a ticket summary. The history is read off the FX thread each time the page opens.
 */
public final class HistoryPageController implements WizardPage {
    @FXML Label historyCount;
    @FXML ListView<HistoryStore.Entry> historyList;
    @FXML Label changeLabel;
    @FXML Button openButton;
    @FXML Button againButton;
    @FXML Button copyButton;
    @FXML Button clearButton;
    @FXML Label actionMessage;

    private PageContext context;
    private List<HistoryStore.Entry> all = List.of();

    @Override
    public void initialise(PageContext pageContext) {
        this.context = pageContext;
        historyList.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0); // wrap within the list rather than scroll sideways
            }

            @Override
            protected void updateItem(HistoryStore.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : HistoryText.twoLines(e.summary(), ZoneId.systemDefault(), Instant.now()));
                setAccessibleText(empty || e == null ? null
                        : HistoryText.line(e.summary(), ZoneId.systemDefault(), Instant.now()));
            }
        });
        historyList.setPlaceholder(WholeText.placeholder(Texts.get("history.empty")));
        historyList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> select(now));
        for (Button b : List.of(openButton, againButton, copyButton)) {
            b.disableProperty().bind(historyList.getSelectionModel().selectedItemProperty().isNull());
        }
        clearButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(historyList.getItems()));
    }

    @Override
    public void shown() {
        actionMessage.setText("");
        historyCount.setText(Texts.get("history.loading"));
        context.background().run(() -> HelpdeskUi.desk(context).history().all(), this::fill,
                e -> historyCount.setText(Texts.get("history.unreadable")));
    }

    private void fill(List<HistoryStore.Entry> entries) {
        all = entries;
        historyList.getItems().setAll(entries);
        historyCount.setText(entries.isEmpty() ? Texts.get("history.none")
                : Texts.get("history.count", entries.size(), HelpdeskUi.desk(context).history().file().toString()));
        if (!entries.isEmpty()) {
            historyList.getSelectionModel().selectFirst();
        } else {
            select(null);
        }
    }

    private void select(HistoryStore.Entry e) {
        if (e == null) {
            changeLabel.setText("");
            return;
        }
        int i = all.indexOf(e);
        HistoryStore.Entry before = null;
        for (int j = i + 1; j < all.size(); j++) {
            if (all.get(j).summary().serverKey().equals(e.summary().serverKey())) {
                before = all.get(j);
                break;
            }
        }
        String note = HistoryText.certificateNote(e.summary(), Instant.now()).map(n -> " " + Texts.get("history.cert", n))
                .orElse("");
        changeLabel.setText(before == null ? Texts.get("history.first") + note
                : Comparison.between(before.summary(), e.summary(), e.summary().startedAt() == null ? Instant.now()
                        : e.summary().startedAt()).sentence() + note);
    }

    @FXML
    void open() {
        HistoryStore.Entry e = historyList.getSelectionModel().getSelectedItem();
        if (e != null) {
            HelpdeskUi.openReport(context, e.report(), Texts.get("history.opened.from"));
        }
    }

    @FXML
    void testAgain() {
        HistoryStore.Entry e = historyList.getSelectionModel().getSelectedItem();
        if (e != null) {
            context.model().address.set(e.summary().port() == 443 ? e.summary().displayHost()
                    : e.summary().displayHost() + ":" + e.summary().port());
            context.actions().runTest();
        }
    }

    @FXML
    void copySummary() {
        HistoryStore.Entry e = historyList.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(TicketSummary.of(e.report(), context.services().kb().getNow(null), ZoneId.systemDefault(), Instant.now()));
        Clipboard.getSystemClipboard().setContent(c);
        actionMessage.setText(Texts.get("ticket.copied"));
    }

    @FXML
    void clear() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Texts.get("history.clear.confirm"), ButtonType.OK,
                ButtonType.CANCEL);
        confirm.setHeaderText(Texts.get("history.clear.title"));
        confirm.initOwner(context.actions().window());
        Dialogs.fit(confirm);
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        context.background().run(() -> {
            HelpdeskUi.desk(context).history().clear();
            return List.<HistoryStore.Entry>of();
        }, entries -> {
            fill(entries);
            actionMessage.setText(Texts.get("history.cleared"));
        }, e -> actionMessage.setText(Texts.get("history.clear.failed", e.getMessage())));
    }

    @Override
    public void focus() {
        historyList.requestFocus();
    }
}
