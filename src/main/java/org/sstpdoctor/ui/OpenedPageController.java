package org.sstpdoctor.ui;

import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.ProxySettings;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.ticket.OpenedReport;
import org.sstpdoctor.ticket.OpenedReportText;
import org.sstpdoctor.ticket.SideBySide;

/**
 * A report from someone else's computer (a helpdesk file or a saved JSON report), shown as a result
 * page: "Report from alice-laptop, 10:42". "Test from here" runs the same test from this computer
 * and puts the two side by side, differences marked, with what the difference means.
 */
public final class OpenedPageController implements WizardPage {
    @FXML Label openedTitle;
    @FXML Label openedVerdict;
    @FXML Label openedFinding;
    @FXML Button testHereButton;
    @FXML Button openOtherButton;
    @FXML Label testHereStatus;
    @FXML VBox compareBox;
    @FXML Label conclusion;
    @FXML GridPane compareGrid;
    @FXML TextArea openedText;

    private PageContext context;

    @Override
    public void initialise(PageContext pageContext) {
        this.context = pageContext;
        show(compareBox, false);
        context.model().openedReport.addListener((o, was, now) -> display(now));
        testHereButton.disableProperty().bind(context.runner().runningProperty()
                .or(context.model().openedReport.isNull()));
    }

    @Override
    public void shown() {
        display(context.model().openedReport.get());
    }

    @Override
    public String windowTitle() {
        OpenedReport r = context.model().openedReport.get();
        return r == null ? "" : openedTitle.getText();
    }

    private void display(OpenedReport r) {
        show(compareBox, false);
        testHereStatus.setText("");
        if (r == null) {
            openedTitle.setText(Texts.get("opened.none"));
            openedVerdict.setText("");
            openedFinding.setText("");
            openedText.setText("");
            return;
        }
        ZoneId zone = ZoneId.systemDefault();
        openedTitle.setText(r.when(zone, LocalDate.now(zone)).map(w -> Texts.get("opened.title", r.from(), w))
                .orElseGet(() -> Texts.get("opened.title.notime", r.from())));
        openedVerdict.setText(r.summary().server() + ": " + r.summary().verdictWords());
        openedFinding.setText(r.summary().outcomeTitle() + (r.summary().detail().isEmpty() ? "" : " — " + r.summary().detail()));
        openedText.setText(OpenedReportText.render(r, zone, Instant.now()));
        openedText.positionCaret(0);
    }

    /** File ▸ Open a report: a chooser, then the file is read (bounded) off the FX thread. */
    @FXML
    void openOther() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("opened.choose"));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(Texts.get("opened.filter"), "*.zip", "*.json"));
        File file = chooser.showOpenDialog(context.actions().window());
        if (file != null) {
            HelpdeskUi.openFile(context, file.toPath());
        }
    }

    @FXML
    void testHere() {
        OpenedReport r = context.model().openedReport.get();
        if (r == null || context.runner().runningProperty().get()) {
            return;
        }
        testHereStatus.setText(Texts.get("opened.testing", r.summary().server()));
        String host = r.summary().host();
        int port = r.summary().port();
        // This computer's own settings: the system proxy, and the CA file and time limit typed in this wizard.
        String caFile = context.model().caFile.get() == null ? "" : context.model().caFile.get().strip();
        java.time.Duration timeout = java.time.Duration.ofSeconds(context.model().timeoutSeconds.get());
        context.runner().start(() -> {
            var target = AddressParser.parse(host.contains(":") ? "[" + host + "]" : host, port);
            return new ProbeRequest(target.toString(), target, ProxySettings.SYSTEM,
                    WizardModel.readTrustedCertificates(caFile), caFile.isEmpty() ? null : caFile, timeout);
        }, report -> {
            HelpdeskUi.desk(context).keep(report);
            return SideBySide.of(r.report(), JsonReport.toTree(report, null), Instant.now());
        }, new ProbeRunner.Outcomes<>((report, sideBySide) -> showSideBySide(r, sideBySide),
                bad -> testHereStatus.setText(bad.getMessage()),
                error -> testHereStatus.setText(Texts.get("opened.testfailed", error.getMessage()))));
    }

    private void showSideBySide(OpenedReport r, SideBySide s) {
        testHereStatus.setText("");
        compareGrid.getChildren().clear();
        String theirs = r.computer().orElse(Texts.get("opened.theirs"));
        compareGrid.add(header(""), 0, 0);
        compareGrid.add(header(theirs), 1, 0);
        compareGrid.add(header(Texts.get("opened.ours")), 2, 0);
        int row = 1;
        for (SideBySide.Row x : s.rows()) {
            String name = x.key().isEmpty() ? x.label() : Texts.get("opened.row." + x.key());
            Label label = value((x.differs() ? "≠ " : "") + name);
            Label a = value(x.theirs());
            Label b = value(x.ours());
            if (x.differs()) {
                for (Label l : List.of(label, a, b)) {
                    l.getStyleClass().add("differs");
                }
                label.setAccessibleText(Texts.get("opened.differs.accessible", name, x.theirs(), x.ours()));
            }
            for (Label l : List.of(label, a, b)) {
                GridPane.setValignment(l, javafx.geometry.VPos.TOP);
            }
            compareGrid.add(label, 0, row);
            compareGrid.add(a, 1, row);
            compareGrid.add(b, 2, row);
            row++;
        }
        conclusion.setText(s.conclusion());
        show(compareBox, true);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinWidth(0);
        l.getStyleClass().add("compare-header");
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinWidth(0); // wrap inside the column rather than widen the page
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static void show(javafx.scene.Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    @Override
    public void focus() {
        (testHereButton.isDisabled() ? openOtherButton : testHereButton).requestFocus();
    }
}
