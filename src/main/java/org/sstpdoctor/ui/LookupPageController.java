package org.sstpdoctor.ui;

import java.util.List;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.KnowledgeBase;

/**
 * "Look up a code": 407, 0x80092013, "event 4" or free words. The knowledge base is in memory and
 * a lookup takes microseconds, so it runs as the person types. Down moves from the box into the
 * results; Esc closes the page from either.
 */
public final class LookupPageController implements WizardPage {
    @FXML TextField queryField;
    @FXML Label resultCount;
    @FXML SplitPane split;
    @FXML ListView<KbEntry> resultList;
    @FXML VBox entryBox;
    @FXML VBox pastedBox;

    private PageContext context;
    private KnowledgeBase kb;
    private PastedEvents pasted;

    @Override
    public void initialise(PageContext pageContext) {
        this.context = pageContext;
        pasted = new PastedEvents(pastedBox, queryField, pageContext);
        resultList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(KbEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setAccessibleText(null);
                } else {
                    setText(e.title());
                    setWrapText(true);
                    setPrefWidth(0); // wrap to the list's width instead of widening it
                    setAccessibleText(e.title() + ". " + e.summary());
                }
            }
        });
        resultList.setPlaceholder(WholeText.placeholder(Texts.get("lookup.empty")));
        resultList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showEntry(now));
        queryField.textProperty().addListener((o, was, now) -> search(now));
        queryField.setOnAction(e -> {
            if (!resultList.getItems().isEmpty()) {
                resultList.getSelectionModel().selectFirst();
                resultList.requestFocus();
            }
        });
        queryField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !resultList.getItems().isEmpty()) {
                e.consume();
                resultList.requestFocus();
                if (resultList.getSelectionModel().isEmpty()) {
                    resultList.getSelectionModel().selectFirst();
                }
            }
        });
        // The knowledge base may still be loading in the background: search as soon as it is here.
        pageContext.services().kb().thenAcceptAsync(loaded -> {
            kb = loaded;
            search(queryField.getText());
        }, javafx.application.Platform::runLater);
        search("");
    }

    /** Shows the lookup for this text (a related link's id, a command-line argument). */
    void query(String text) {
        if (pasted.offer(text)) {
            return; // a multi-line event: the field shows a short form, the full text is kept
        }
        if (text.equals(queryField.getText())) {
            search(text);
        } else {
            queryField.setText(text);
        }
    }

    private void search(String text) {
        boolean blank = text == null || text.isBlank();
        List<KbEntry> fromEvents = kb == null ? List.of() : pasted.explain(text, kb);
        List<KbEntry> found = blank || kb == null ? List.of() : !fromEvents.isEmpty() ? fromEvents : kb.lookup(text);
        resultList.getItems().setAll(found);
        if (blank) {
            resultCount.setText(Texts.get("lookup.hint"));
        } else if (kb == null) {
            resultCount.setText(Texts.get("lookup.loading"));
        } else {
            resultCount.setText(!found.isEmpty() ? Texts.get("lookup.count", found.size())
                    : pasted.found() ? Texts.get("lookup.pasted.unexplained") : Texts.get("lookup.none", text.strip()));
        }
        if (!found.isEmpty()) {
            resultList.getSelectionModel().selectFirst();
            resultList.scrollTo(0);
        } else {
            showEntry(null);
        }
    }

    private void showEntry(KbEntry e) {
        entryBox.getChildren().clear();
        if (e != null) {
            Function<String, String> titles = id -> kb.byId(id).map(KbEntry::title).orElse(id);
            entryBox.getChildren().add(EntryViews.full(e, context.openUrl(), this::query, titles));
        }
    }

    @FXML
    void pasteEvent() {
        query(HelpdeskUi.clipboardText());
    }

    @Override
    public void focus() {
        split.setDividerPositions(0.4); // re-applied: the page was laid out hidden
        queryField.requestFocus();
        queryField.selectAll();
    }
}
