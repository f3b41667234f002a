package org.sstpdoctor.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyReply;
import org.sstpdoctor.report.ReportFormat;
import org.sstpdoctor.report.TextReport;

/** Page 5: the verdict first, then the explanation, then the details on demand. */
public final class ResultPageController {
    @FXML HBox verdictBanner;
    @FXML Label verdictIcon;
    @FXML Label verdictTitle;
    @FXML Label verdictSummary;
    @FXML GridPane facts;
    @FXML TabPane tabs;
    @FXML Tab endUserTab;
    @FXML Tab helpdeskTab;
    @FXML Tab detailsTab;
    @FXML VBox endUserBox;
    @FXML VBox helpdeskBox;
    @FXML TitledPane timingPane;
    @FXML VBox timingBox;
    @FXML TitledPane certificatePane;
    @FXML VBox certificateBox;
    @FXML TitledPane headersPane;
    @FXML TableView<Header> headersTable;
    @FXML TableColumn<Header, String> headerName;
    @FXML TableColumn<Header, String> headerValue;
    @FXML TitledPane proxyPane;
    @FXML VBox proxyBox;
    @FXML TitledPane revocationPane;
    @FXML VBox revocationBox;
    @FXML TitledPane rawPane;
    @FXML TextArea rawText;
    @FXML Button copyButton;
    @FXML Button saveButton;
    @FXML Button againButton;
    @FXML Button browserButton;
    @FXML Label actionMessage;

    private ProbeReport report;
    private String destination = "";
    private Resolution resolution = Resolution.empty();
    private Runnable onTestAgain = () -> { };
    private Consumer<String> openEntry = id -> { };
    private Consumer<String> openUrl = url -> { };
    private Supplier<Window> window = () -> null;
    /** Picks where to save; replaced in tests, where no native dialog can open. */
    private ReportFileChooser fileChooser = this::chooseWithDialog;

    /** Where to save a report, and in which format; empty when the person cancels. */
    public interface ReportFileChooser {
        Optional<File> choose(ReportFormat suggested, String suggestedName);
    }

    void init(Runnable testAgain, Consumer<String> openUrl, Supplier<Window> window, Consumer<String> openEntry) {
        this.openEntry = openEntry;
        this.onTestAgain = testAgain;
        this.openUrl = openUrl;
        this.window = window;
        headerName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        headerValue.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
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
        actionMessage.setText("");
        showVerdict(r, res);
        showFacts(r);
        Optional<KbEntry> primary = res.primary();
        endUserBox.getChildren().clear();
        helpdeskBox.getChildren().clear();
        if (primary.isPresent()) {
            endUserBox.getChildren().add(EntryViews.endUser(primary.get()));
            for (KbEntry e : res.entries()) {
                helpdeskBox.getChildren().add(EntryViews.helpdesk(e, openUrl, openEntry));
            }
        } else {
            endUserBox.getChildren().add(EntryViews.paragraph(r.outcome().title(), "explanation"));
            helpdeskBox.getChildren().add(EntryViews.paragraph(r.detail(), "explanation"));
        }
        timingBox.getChildren().setAll(new WaterfallChart(r.stages(), r.totalMillis()));
        showCertificates(r);
        HttpReply http = r.httpResponse();
        headersTable.getItems().setAll(http == null ? List.of() : http.headers());
        headersPane.setText(http == null ? Texts.get("result.details.headers.none")
                : Texts.get("result.details.headers.count", http.statusLine(), http.headers().size()));
        showProxyReplies(r);
        RevocationDetails.showConnect(proxyBox, r);
        RevocationDetails.show(revocationPane, revocationBox, r);
        rawText.setText(TextReport.render(r, res));
        tabs.getSelectionModel().select(endUserTab);
    }

    private void showVerdict(ProbeReport r, Resolution res) {
        verdictBanner.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
        String key;
        if (r.outcome() == Outcome.CANCELLED) {
            key = "cancelled";
        } else {
            key = r.verdict().name().toLowerCase(Locale.ROOT);
        }
        verdictBanner.getStyleClass().add("verdict-" + key);
        verdictIcon.setText(switch (key) {
            case "pass" -> "\u2714";
            case "warn" -> "\u26A0";
            case "cancelled" -> "\u23F9";
            default -> "\u2716";
        });
        verdictTitle.setText(Texts.get("result.verdict." + key));
        String summary = res.primary().map(KbEntry::title).orElse(r.outcome().title());
        verdictSummary.setText(summary + " \u2014 " + Texts.get("result.answeredby", r.answeredBy().phrase()));
        verdictBanner.setAccessibleText(verdictTitle.getText() + ". " + verdictSummary.getText());
    }

    private void showFacts(ProbeReport r) {
        facts.getChildren().clear();
        int row = 0;
        if (!destination.isEmpty()) {
            row = fact(row, "result.fact.destination", destination);
        }
        row = fact(row, "result.fact.server", r.target().displayHost() + ":" + r.target().port());
        row = fact(row, "result.fact.proxy", r.proxy().used() ? r.proxy().endpoint() + " (" + r.proxy().source() + ")"
                : Texts.get("result.fact.proxy.none"));
        row = fact(row, "result.fact.answeredby", capitalise(r.answeredBy().phrase()));
        HttpReply http = r.httpResponse();
        if (http != null) {
            row = fact(row, "result.fact.http", http.code() + " " + http.reason());
        } else if (!r.proxyReplies().isEmpty()) {
            HttpReply last = r.proxyReplies().get(r.proxyReplies().size() - 1).reply();
            row = fact(row, "result.fact.proxyanswer", last.code() + " " + last.reason());
        }
        if (r.tls() != null) {
            String cert = r.tls().findings().isEmpty() ? Texts.get("result.fact.cert.ok")
                    : r.tls().findings().get(0).outcome().title();
            row = fact(row, "result.fact.tls", r.tls().protocol() + ", " + r.tls().cipherSuite());
            row = fact(row, "result.fact.cert", cert);
        }
        if (r.beyondCertificate() != null) {
            // The probe looked past the certificate (it sends no secret): say whether that was the only problem.
            row = fact(row, "result.fact.beyond", r.beyondCertificate().outcome().title());
        }
        if (r.sstp() != null) {
            row = fact(row, "result.fact.sstp", r.sstp().answerDescription().isEmpty() ? r.sstp().answer()
                    : r.sstp().answerDescription());
        }
        if (r.authenticatedRetry() != null) {
            row = fact(row, "result.fact.retry", r.authenticatedRetry().outcome().title());
        }
        fact(row, "result.fact.time", TextReport.millis(r.totalMillis()));
    }

    private int fact(int row, String key, String value) {
        Label name = new Label(Texts.get(key));
        name.getStyleClass().add("fact-name");
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add("fact-value");
        v.setAccessibleText(name.getText() + " " + value);
        facts.addRow(row, name, v);
        return row + 1;
    }

    private void showCertificates(ProbeReport r) {
        certificateBox.getChildren().clear();
        if (r.tls() == null || r.tls().chain().isEmpty()) {
            certificatePane.setText(Texts.get("result.details.certificates.none"));
            return;
        }
        certificatePane.setText(Texts.get("result.details.certificates.count", r.tls().chain().size()));
        int i = 0;
        for (CertificateInfo c : r.tls().chain()) {
            GridPane card = new GridPane();
            card.getStyleClass().add("certificate-card");
            card.setHgap(10);
            card.setVgap(2);
            javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
            names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // labels never shrink to "Sub…"
            javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
            values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
            values.setMinWidth(0);
            card.getColumnConstraints().addAll(names, values);
            int row = 0;
            card.add(bold(Texts.get(i == 0 ? "cert.server" : "cert.issuer.n", i)), 0, row++, 2, 1);
            row = certRow(card, row, "cert.subject", c.subject());
            row = certRow(card, row, "cert.issuer", c.issuer());
            row = certRow(card, row, "cert.valid", Formats.date(c.notBefore()) + " \u2192 " + Formats.date(c.notAfter()));
            if (!c.subjectAltNames().isEmpty()) {
                row = certRow(card, row, "cert.names", String.join(", ", c.subjectAltNames()));
            }
            row = certRow(card, row, "cert.key", Texts.get("cert.key.value", c.keyAlgorithm(), c.keyBits(), c.signatureAlgorithm()));
            if (!c.extendedKeyUsage().isEmpty()) {
                row = certRow(card, row, "cert.eku", String.join(", ", c.extendedKeyUsage()));
            }
            // 32 colon-separated bytes do not wrap by themselves: two lines of 16.
            certRow(card, row, "cert.fingerprint", c.sha256Fingerprint().replaceAll("((?:[0-9A-Fa-f]{2}:){16})", "$1\n"));
            certificateBox.getChildren().add(card);
            i++;
        }
        if (!r.tls().findings().isEmpty()) {
            r.tls().findings().forEach(f -> certificateBox.getChildren().add(
                    EntryViews.paragraph("\u26A0  " + f.outcome().title() + (f.detail().isEmpty() ? "" : ": " + f.detail()),
                            "finding")));
        }
    }

    private static int certRow(GridPane card, int row, String key, String value) {
        Label name = new Label(Texts.get(key));
        name.getStyleClass().add("fact-name");
        Label v = new Label(value);
        v.setWrapText(true);
        v.setMinWidth(0);
        v.getStyleClass().add("mono-small");
        card.addRow(row, name, v);
        return row + 1;
    }

    private void showProxyReplies(ProbeReport r) {
        proxyBox.getChildren().clear();
        if (r.proxyReplies().isEmpty()) {
            proxyPane.setText(Texts.get("result.details.proxy.none"));
            return;
        }
        proxyPane.setText(Texts.get("result.details.proxy.count", r.proxyReplies().size()));
        for (ProxyReply p : r.proxyReplies()) {
            StringBuilder sb = new StringBuilder();
            sb.append("CONNECT ").append(p.connectTarget()).append(p.credentialsSent()
                    ? "  (" + Texts.get("result.proxy.withcredentials") + ")" : "").append('\n');
            sb.append(p.reply().statusLine()).append('\n');
            for (Header h : p.reply().headers()) {
                sb.append(h.name()).append(": ").append(h.value()).append('\n');
            }
            Label l = new Label(sb.toString().strip());
            l.getStyleClass().add("mono-small");
            l.setWrapText(true);
            proxyBox.getChildren().add(l);
        }
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The report as plain text, exactly what Copy puts on the clipboard. */
    String reportText() {
        return TextReport.render(report, resolution);
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
        String name = "sstp-doctor-" + report.target().host().replaceAll("[^A-Za-z0-9.-]", "_");
        Optional<File> chosen = fileChooser.choose(ReportFormat.TEXT, name);
        if (chosen.isEmpty()) {
            return;
        }
        Path path = chosen.get().toPath();
        ReportFormat format = ReportFormat.forFileName(path.getFileName().toString()).orElse(ReportFormat.TEXT);
        ProbeReport r = report;
        Resolution res = resolution;
        actionMessage.setText(Texts.get("result.saving"));
        // Rendering and writing happen off the FX thread: a slow network drive must not freeze the window.
        CompletableFuture.runAsync(() -> {
            try {
                // A line break at the end, as "probe --json" prints it, so both files compare equal.
                String text = format.render(r, res);
                Files.writeString(path, format == ReportFormat.JSON ? text + "\n" : text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((ok, error) -> Platform.runLater(() -> actionMessage.setText(error == null
                ? Texts.get("result.saved", path.toString(), format.label())
                : Texts.get("result.savefailed", path.toString(), rootMessage(error)))));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private Optional<File> chooseWithDialog(ReportFormat suggested, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("result.save.title"));
        for (ReportFormat f : ReportFormat.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    Texts.get("result.save.filter", f.label(), f.extension()), "*." + f.extension()));
        }
        chooser.setInitialFileName(suggestedName + "." + suggested.extension());
        File file = chooser.showSaveDialog(window.get());
        if (file == null) {
            return Optional.empty();
        }
        // The chosen filter decides the format when the name has no known extension.
        if (ReportFormat.forFileName(file.getName()).isEmpty() && chooser.getSelectedExtensionFilter() != null) {
            String ext = chooser.getSelectedExtensionFilter().getExtensions().get(0).substring(1);
            file = new File(file.getPath() + ext);
        }
        return Optional.of(file);
    }

    @FXML
    void testAgain() {
        onTestAgain.run();
    }

    @FXML
    void openInBrowser() {
        openUrl.accept(report.target().sstpUrl());
        actionMessage.setText(Texts.get("result.browser.note"));
    }
}
