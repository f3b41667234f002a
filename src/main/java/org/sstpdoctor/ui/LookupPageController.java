package org.sstpdoctor.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.KnowledgeBase;

/**
 * "Look up a code": 407, 0x80092013, "event 4" or free words. The knowledge base is in memory and
 * a lookup takes microseconds, so it runs as the person types.
 */
public final class LookupPageController {
    @FXML TextField queryField;
    @FXML Label resultCount;
    @FXML SplitPane split;
    @FXML ListView<KbEntry> resultList;
    @FXML VBox entryBox;

    private KnowledgeBase kb;
    private Consumer<String> openUrl = u -> { };

    void init(KnowledgeBase knowledgeBase, Consumer<String> openLink) {
        this.kb = knowledgeBase;
        this.openUrl = openLink;
        resultList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(KbEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setAccessibleText(null);
                } else {
                    setText(e.title());
                    setAccessibleText(e.title() + ". " + e.summary());
                }
            }
        });
        resultList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showEntry(now));
        queryField.textProperty().addListener((o, was, now) -> search(now));
        queryField.setOnAction(e -> {
            if (!resultList.getItems().isEmpty()) {
                resultList.getSelectionModel().selectFirst();
            }
        });
        search("");
    }

    void query(String text) {
        queryField.setText(text);
    }

    private void search(String text) {
        List<KbEntry> found = text == null || text.isBlank() ? List.of() : kb.lookup(text);
        resultList.getItems().setAll(found);
        if (text == null || text.isBlank()) {
            resultCount.setText(Texts.get("lookup.hint"));
        } else {
            resultCount.setText(found.isEmpty() ? Texts.get("lookup.none", text.strip())
                    : Texts.get("lookup.count", found.size()));
        }
        if (!found.isEmpty()) {
            resultList.getSelectionModel().selectFirst();
        } else {
            showEntry(null);
        }
    }

    private void showEntry(KbEntry e) {
        entryBox.getChildren().clear();
        if (e != null) {
            entryBox.getChildren().add(EntryViews.full(e, openUrl, this::query));
        }
    }

    void focus() {
        split.setDividerPositions(0.36); // re-applied: the page was laid out hidden
        queryField.requestFocus();
        queryField.selectAll();
    }
}
