package org.sstpdoctor.ui;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.report.ReportFormat;
import org.sstpdoctor.report.TextReport;

/** Page 5: the verdict first, then the explanation, then the details on demand. */
public final class ResultPageController implements WizardPage {
    @FXML ScrollPane scroller;
    @FXML HBox verdictBanner;
    @FXML StateIcon verdictIcon;
    @FXML Label verdictTitle;
    @FXML Label verdictSummary;
    @FXML GridPane facts;
    @FXML GridPane windowsTable;
    @FXML ToggleGroup tabs;
    @FXML ToggleButton endUserTab;
    @FXML ToggleButton helpdeskTab;
    @FXML ToggleButton detailsTab;
    @FXML VBox tabBody;
    @FXML VBox endUserBox;
    @FXML VBox helpdeskBox;
    @FXML VBox detailsBox;
    @FXML Button copyButton;
    @FXML Button saveButton;
    @FXML Button againButton;
    @FXML Button browserButton;
    @FXML Button summaryButton;
    @FXML Button helpdeskButton;
    @FXML Label comparisonLabel;
    @FXML Label actionMessage;

    private PageContext context;
    private ProbeReport report;
    private String destination = "";
    private Resolution resolution = Resolution.empty();
    private String internalError;
    /** Picks where to save; replaced in tests, where no native dialog can open. */
    private ReportFileChooser fileChooser = (format, name) -> ReportFiles.chooseWithDialog(format, name, context.actions().window());

    /** Where to save a report, and in which format; empty when the person cancels. */
    public interface ReportFileChooser {
        Optional<File> choose(ReportFormat suggested, String suggestedName);
    }

    @Override
    public void initialise(PageContext pageContext) {
        this.context = pageContext;
        tabs.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // a tab bar always has one tab chosen
            } else {
                tabBody.getChildren().setAll(now == endUserTab ? endUserBox : now == helpdeskTab ? helpdeskBox : detailsBox);
            }
        });
        tabBody.getChildren().setAll(endUserBox);
        comparisonLabel.textProperty().bind(pageContext.model().comparison);
        comparisonLabel.visibleProperty().bind(pageContext.model().comparison.isNotEmpty());
        comparisonLabel.managedProperty().bind(comparisonLabel.visibleProperty());
    }

    void setFileChooser(ReportFileChooser chooser) {
        this.fileChooser = chooser;
    }

    void show(ProbeReport r, Resolution res) {
        show(r, res, "");
    }

    void show(ProbeReport r, Resolution res, String destinationName) {
        this.destination = destinationName == null ? "" : destinationName.strip();
        this.report = r;
        this.resolution = res;
        this.internalError = null;
        actionMessage.setText("");
        setActionsEnabled(true);
        Function<String, String> titles = id -> context.services().kb().getNow(null) == null ? id
                : context.services().kb().getNow(null).byId(id).map(KbEntry::title).orElse(id);
        ResultSummary.Verdict v = ResultSummary.verdict(r, res);
        showVerdict(v);
        ResultSummary.facts(facts, r, res, destination);
        Optional<KbEntry> primary = res.primary();
        endUserBox.getChildren().clear();
        helpdeskBox.getChildren().clear();
        if (primary.isPresent()) {
            endUserBox.getChildren().add(EntryViews.endUser(primary.get()));
            for (KbEntry e : res.entries()) {
                helpdeskBox.getChildren().add(EntryViews.helpdesk(e, context.openUrl(), id -> context.actions().lookup(id), titles));
            }
        } else {
            endUserBox.getChildren().add(EntryViews.paragraph(r.outcome().title(), "explanation"));
            helpdeskBox.getChildren().add(EntryViews.paragraph(r.detail(), "explanation"));
        }
        // Will Windows connect? The table leads the helpdesk's view (the end user's first steps stay above the fold).
        WindowsTable.fill(windowsTable, r.insights());
        if (windowsTable.isVisible()) {
            helpdeskBox.getChildren().add(0, windowsTable);
        }
        detailsBox.getChildren().setAll(ResultDetails.sections(r, "", true));
        if (r.authenticatedRetry() != null) {
            // After a proxy sign-in there were two attempts: the one Windows would make, and the one past the proxy.
            detailsBox.getChildren().add(0, EntryViews.heading(Texts.get("result.details.first")));
            detailsBox.getChildren().add(EntryViews.heading(Texts.get("result.details.second")));
            detailsBox.getChildren().addAll(ResultDetails.sections(r.authenticatedRetry(), "Retry", false));
        }
        detailsBox.getChildren().add(ResultDetails.rawPane(TextReport.render(r, res)));
        tabs.selectToggle(endUserTab);
        scrollToTop();
    }

    /** The probe itself failed (a class missing from a packaged runtime, say): say so, never stay on "Testing". */
    void showInternalError(Throwable error) {
        this.report = null;
        this.resolution = Resolution.empty();
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        this.internalError = Texts.get("result.internal.report", org.sstpdoctor.probe.Version.current(), trace.toString());
        actionMessage.setText("");
        showVerdict(new ResultSummary.Verdict(StateIcon.Kind.FAIL, "internal", Texts.get("result.verdict.internal"),
                Texts.get("result.internal.summary", BackgroundJobs.message(error))));
        facts.getChildren().clear();
        endUserBox.getChildren().setAll(EntryViews.paragraph(Texts.get("result.internal.enduser"), "explanation"));
        helpdeskBox.getChildren().setAll(EntryViews.paragraph(Texts.get("result.internal.helpdesk"), "explanation"));
        detailsBox.getChildren().setAll(ResultDetails.rawPane(internalError));
        setActionsEnabled(false);
        copyButton.setDisable(false); // the error text is worth pasting into a bug report
        tabs.selectToggle(endUserTab);
        scrollToTop();
    }

    private void setActionsEnabled(boolean enabled) {
        copyButton.setDisable(!enabled);
        saveButton.setDisable(!enabled);
        browserButton.setDisable(!enabled);
        summaryButton.setDisable(!enabled);
        helpdeskButton.setDisable(!enabled);
    }

    /** Every result opens at the top, with the verdict in view, whatever the last one scrolled to. */
    private void scrollToTop() {
        scroller.setVvalue(0);
        Platform.runLater(() -> scroller.setVvalue(0)); // again once the new content is laid out
    }

    private void showVerdict(ResultSummary.Verdict v) {
        verdictBanner.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
        verdictBanner.getStyleClass().add("verdict-" + v.style());
        verdictIcon.show(v.icon());
        verdictTitle.setText(v.title());
        verdictSummary.setText(v.summary());
        verdictBanner.setAccessibleText(verdictTitle.getText() + ". " + verdictSummary.getText());
    }

    @Override
    public void focus() {
        if (verdictBanner.getScene() == null) {
            // The first time, the banner joins the scene only with the scroll pane's skin, made by CSS; until
            // then it cannot take the focus, and the window handed it to its first button (Back).
            scroller.applyCss();
        }
        verdictBanner.requestFocus(); // Tab then walks the content before the buttons
    }

    @Override
    public String windowTitle() {
        String server = report == null ? context.model().address.get().strip() : report.target().displayHost();
        return Texts.get("window.title.result", server, verdictTitle.getText());
    }

    /** The report as plain text, exactly what Copy puts on the clipboard. */
    String reportText() {
        return report == null ? internalError : TextReport.render(report, resolution);
    }

    @FXML
    void copyReport() {
        ClipboardContent content = new ClipboardContent();
        content.putString(reportText());
        Clipboard.getSystemClipboard().setContent(content);
        actionMessage.setText(Texts.get("result.copied"));
    }

    @FXML
    void saveReport() {
        Optional<File> chosen = fileChooser.choose(ReportFormat.TEXT, ReportFiles.suggestedName(report));
        if (chosen.isEmpty()) {
            return;
        }
        Path path = chosen.get().toPath();
        ReportFormat format = ReportFormat.forFileName(path.getFileName().toString()).orElse(ReportFormat.TEXT);
        ProbeReport r = report;
        Resolution res = resolution;
        actionMessage.setText(Texts.get("result.saving"));
        // Rendering and writing happen in the background: a slow network drive must not freeze the window.
        context.background().run(() -> {
            // A line break at the end, as "probe --json" prints it, so both files compare equal.
            String text = format.render(r, res);
            Files.writeString(path, format == ReportFormat.JSON ? text + "\n" : text, StandardCharsets.UTF_8);
            return path;
        }, saved -> actionMessage.setText(Texts.get("result.saved", saved.toString(), format.label())),
                error -> actionMessage.setText(Texts.get("result.savefailed", path.toString(), BackgroundJobs.message(error))));
    }

    @FXML
    void copySummary() {
        TicketActions.copySummary(context, report, resolution, actionMessage::setText);
    }

    @FXML
    void saveForHelpdesk() {
        TicketActions.saveForHelpdesk(context, report, resolution, actionMessage::setText);
    }

    /** Saves the helpdesk file to this file without a dialog (tests). */
    void saveForHelpdesk(File file) {
        TicketActions.save(context, report, resolution, file, actionMessage::setText);
    }

    @FXML
    void testAgain() {
        context.actions().runTest();
    }

    @FXML
    void openInBrowser() {
        try {
            context.services().openUrl().accept(report.target().sstpUrl());
            actionMessage.setText(Texts.get("result.browser.note"));
        } catch (RuntimeException e) {
            actionMessage.setText(Texts.get("result.browser.none", report.target().sstpUrl()));
        }
    }
}
