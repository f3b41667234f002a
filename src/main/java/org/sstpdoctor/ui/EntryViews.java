package org.sstpdoctor.ui;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.Reference;

/** Knowledge-base entries as on-screen text: the same structure on the result and lookup pages. */
final class EntryViews {
    private EntryViews() {
    }

    static Node endUser(KbEntry e) {
        VBox box = new VBox(6);
        box.getChildren().add(paragraph(e.endUser().explanation(), "explanation"));
        box.getChildren().add(heading(Texts.get("entry.actions")));
        for (String action : e.endUser().actions()) {
            box.getChildren().add(paragraph("\u2022  " + action, "list-item"));
        }
        return box;
    }

    static Node helpdesk(KbEntry e, Consumer<String> openLink) {
        return helpdesk(e, openLink, null, id -> id);
    }

    /**
     * With {@code openEntry}, related entries are links, shown by their titles, that open the entry
     * itself in the lookup page.
     */
    static Node helpdesk(KbEntry e, Consumer<String> openLink, Consumer<String> openEntry,
                         java.util.function.Function<String, String> titles) {
        VBox box = new VBox(6);
        Label title = heading(e.title());
        title.getStyleClass().add("entry-title");
        box.getChildren().addAll(title, paragraph(e.summary(), "summary"));
        box.getChildren().add(heading(Texts.get("entry.steps")));
        int n = 1;
        for (String step : e.helpdesk().steps()) {
            box.getChildren().add(paragraph(n++ + ".  " + step, "list-item"));
        }
        box.getChildren().add(heading(Texts.get("entry.contact")));
        box.getChildren().add(paragraph(e.helpdesk().contact(), "contact"));
        if (!e.culprits().isEmpty()) {
            box.getChildren().add(paragraph(Texts.get("entry.culprits", String.join(", ", e.culprits())), "hint"));
        }
        if (!e.related().isEmpty() && openEntry == null) {
            box.getChildren().add(paragraph(Texts.get("entry.related",
                    String.join(", ", e.related().stream().map(titles).toList())), "hint"));
        } else if (!e.related().isEmpty()) {
            VBox related = new VBox(0);
            related.getChildren().add(heading(Texts.get("entry.related.links")));
            for (String id : e.related()) {
                Hyperlink link = new Hyperlink(titles.apply(id));
                link.setWrapText(true);
                link.setMinWidth(0);
                link.setUserData(id);
                link.setAccessibleText(Texts.get("entry.related.open", titles.apply(id)));
                link.setOnAction(ev -> openEntry.accept(id));
                related.getChildren().add(link);
            }
            related.setMinWidth(0);
            box.getChildren().add(related);
        }
        // One link per line, wrapping: a long title must not widen the page past the window.
        VBox refs = new VBox(0);
        refs.getChildren().add(heading(Texts.get("entry.references")));
        for (Reference r : e.references()) {
            Hyperlink link = new Hyperlink(r.title());
            link.setWrapText(true);
            link.setMinWidth(0);
            link.setOnAction(ev -> openLink.accept(r.url()));
            link.setAccessibleText(r.title() + " " + r.url());
            refs.getChildren().add(link);
        }
        box.getChildren().add(refs);
        return box;
    }

    /** Both views of one entry, for the lookup page. */
    static Node full(KbEntry e, Consumer<String> openLink, Consumer<String> openEntry,
                     java.util.function.Function<String, String> titles) {
        VBox box = new VBox(10);
        Label title = heading(e.title());
        title.getStyleClass().add("entry-title");
        box.getChildren().addAll(title, paragraph(e.summary(), "summary"), heading(Texts.get("result.tab.enduser")),
                endUser(e), heading(Texts.get("result.tab.helpdesk")));
        VBox helpdesk = (VBox) helpdesk(e, openLink, openEntry, titles);
        helpdesk.getChildren().remove(0, 2); // title and summary are shown above
        box.getChildren().add(helpdesk);
        return box;
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static Label paragraph(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE); // as tall as its wrapped lines: never cut with "…"
        return l;
    }
}
