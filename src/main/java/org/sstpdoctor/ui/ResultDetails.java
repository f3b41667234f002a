package org.sstpdoctor.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyReply;

/**
 * The Details tab: timing, certificate chain, response headers, proxy replies and the SSTP exchange,
 * for the first attempt (as Windows makes it) and, after a proxy sign-in, for the second one too.
 * Every section takes its natural height; the page scrolls. Long values wrap and can be selected.
 */
final class ResultDetails {
    private ResultDetails() {
    }

    /** The sections for one report; {@code idSuffix} keeps the second attempt's ids apart ("Retry"). */
    static List<Node> sections(ProbeReport r, String idSuffix, boolean timingOpen) {
        TitledPane timing = pane("timingPane" + idSuffix, Texts.get("result.details.timing"),
                new WaterfallChart(r.stages(), r.totalMillis()), timingOpen);
        TitledPane certificates = pane("certificatePane" + idSuffix, "", certificates(r, idSuffix), false);
        certificates.setText(r.tls() == null || r.tls().chain().isEmpty() ? Texts.get("result.details.certificates.none")
                : Texts.get("result.details.certificates.count", r.tls().chain().size()));
        HttpReply http = r.httpResponse();
        TitledPane headers = pane("headersPane" + idSuffix, http == null ? Texts.get("result.details.headers.none")
                : Texts.get("result.details.headers.count", http.statusLine(), http.headers().size()), headers(http), false);
        TitledPane proxy = pane("proxyPane" + idSuffix, r.proxyReplies().isEmpty() ? Texts.get("result.details.proxy.none")
                : Texts.get("result.details.proxy.count", r.proxyReplies().size()), proxyReplies(r), false);
        TitledPane sstp = pane("sstpPane" + idSuffix, Texts.get("result.details.sstp"), sstp(r), false);
        TitledPane detail = pane("detailPane" + idSuffix, Texts.get("result.details.detail"), detail(r), false);
        TitledPane revocation = RevocationDetails.pane(r, idSuffix);
        return List.of(timing, certificates, revocation, headers, proxy, sstp, detail);
    }

    static TitledPane pane(String id, String title, Node content, boolean expanded) {
        TitledPane p = new TitledPane(title, content);
        p.setId(id);
        p.setAnimated(false);
        p.setExpanded(expanded);
        p.setMinHeight(Region.USE_PREF_SIZE); // natural height: never squeezed to one line
        p.setMaxWidth(Double.MAX_VALUE);
        return p;
    }

    private static Node certificates(ProbeReport r, String idSuffix) {
        VBox box = new VBox(10);
        box.setId("certificateBox" + idSuffix);
        if (r.tls() == null || r.tls().chain().isEmpty()) {
            box.getChildren().add(EntryViews.paragraph(Texts.get("result.details.certificates.nonetext"), "hint"));
            return box;
        }
        int i = 0;
        for (CertificateInfo c : r.tls().chain()) {
            GridPane card = new GridPane();
            card.getStyleClass().add("certificate-card");
            card.setHgap(10);
            card.setVgap(2);
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(Region.USE_PREF_SIZE); // labels never shrink to "Sub…"
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            values.setMinWidth(0);
            card.getColumnConstraints().addAll(names, values);
            int row = 0;
            card.add(EntryViews.heading(Texts.get(i == 0 ? "cert.server" : "cert.issuer.n", i)), 0, row++, 2, 1);
            row = certRow(card, row, "cert.subject", c.subject());
            row = certRow(card, row, "cert.issuer", c.issuer());
            // The days left as every report format says them, when fewer than 30 remain.
            row = certRow(card, row, "cert.valid", Formats.date(c.notBefore()) + " \u2192 " + Formats.date(c.notAfter())
                    + org.sstpdoctor.report.ReportOutline.expiryNote(c.notAfter(), r.startedAt()).map(n -> " (" + n + ")")
                    .orElse(""));
            if (!c.subjectAltNames().isEmpty()) {
                row = certRow(card, row, "cert.names", String.join(", ", c.subjectAltNames()));
            }
            row = certRow(card, row, "cert.key", Texts.get("cert.key.value", c.keyAlgorithm(), c.keyBits(), c.signatureAlgorithm()));
            if (!c.extendedKeyUsage().isEmpty()) {
                row = certRow(card, row, "cert.eku", String.join(", ", c.extendedKeyUsage()));
            }
            // In full and selectable, so it can be compared and copied; 16 bytes a line.
            Label name = new Label(Texts.get("cert.fingerprint"));
            name.getStyleClass().add("fact-name");
            card.addRow(row, name, selectable(c.sha256Fingerprint().replaceAll("((?:[0-9A-Fa-f]{2}:){16})", "$1\n"),
                    "fingerprint"));
            box.getChildren().add(card);
            i++;
        }
        r.tls().findings().forEach(f -> box.getChildren().add(EntryViews.paragraph(
                f.outcome().title() + (f.detail().isEmpty() ? "" : ": " + f.detail()), "finding")));
        return box;
    }

    private static int certRow(GridPane card, int row, String key, String value) {
        Label name = new Label(Texts.get(key));
        name.getStyleClass().add("fact-name");
        Label v = EntryViews.paragraph(value, "mono-small");
        card.addRow(row, name, v);
        return row + 1;
    }

    /** Read-only text that wraps, can be selected and copied, and is as tall as its lines. */
    static TextArea selectable(String text, String style) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount((int) text.lines().count());
        area.setMinHeight(Region.USE_PREF_SIZE);
        area.getStyleClass().addAll("selectable", style);
        area.setAccessibleText(text);
        return area;
    }

    private static Node headers(HttpReply http) {
        TableView<Header> table = new TableView<>();
        TableColumn<Header, String> name = new TableColumn<>(Texts.get("result.details.header.name"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(180);
        TableColumn<Header, String> value = new TableColumn<>(Texts.get("result.details.header.value"));
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(420);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<Header> rows = http == null ? List.of() : http.headers();
        table.getItems().setAll(rows);
        // As tall as its rows (up to 15), so the page scrolls instead of the table.
        table.setFixedCellSize(24);
        table.prefHeightProperty().bind(table.fixedCellSizeProperty().multiply(Math.min(15, Math.max(1, rows.size())) + 1.3));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setAccessibleText(Texts.get("result.details.headers"));
        return table;
    }

    private static Node proxyReplies(ProbeReport r) {
        VBox box = new VBox(6);
        Node connect = RevocationDetails.connect(r);
        if (connect != null) {
            box.getChildren().add(connect);
        }
        if (r.proxyReplies().isEmpty()) {
            box.getChildren().add(EntryViews.paragraph(Texts.get("result.details.proxy.nonetext"), "hint"));
        }
        for (ProxyReply p : r.proxyReplies()) {
            StringBuilder sb = new StringBuilder();
            sb.append("CONNECT ").append(p.connectTarget()).append(p.credentialsSent()
                    ? "  (" + Texts.get("result.proxy.withcredentials") + ")" : "").append('\n');
            sb.append(p.reply().statusLine()).append('\n');
            for (Header h : p.reply().headers()) {
                sb.append(h.name()).append(": ").append(h.value()).append('\n');
            }
            box.getChildren().add(selectable(sb.toString().strip(), "mono-small"));
        }
        return box;
    }

    /** The protocol's own words live here, not at the top of the page. */
    private static Node sstp(ProbeReport r) {
        VBox box = new VBox(4);
        if (r.sstp() == null) {
            box.getChildren().add(EntryViews.paragraph(Texts.get("result.details.sstp.none"), "hint"));
            return box;
        }
        String answer = r.sstp().answer() + (r.sstp().answerDescription().isEmpty() ? "" : "\n" + r.sstp().answerDescription());
        box.getChildren().add(selectable(answer, "mono-small"));
        return box;
    }

    /** The engine's own words for each finding (Java's messages included): for the helpdesk, not the headline. */
    private static Node detail(ProbeReport r) {
        VBox box = new VBox(4);
        StringBuilder sb = new StringBuilder();
        r.findings().forEach(f -> sb.append(f.outcome().id()).append(": ").append(f.outcome().title())
                .append(f.detail().isEmpty() ? "" : "\n    " + f.detail()).append('\n'));
        r.notes().forEach(n -> sb.append(n).append('\n'));
        box.getChildren().add(selectable(sb.toString().strip(), "mono-small"));
        return box;
    }

    /** The full text report, as tall as the page allows, selectable. */
    static TitledPane rawPane(String text) {
        TextArea raw = new TextArea(text);
        raw.setId("rawText");
        raw.setEditable(false);
        raw.setWrapText(false);
        raw.setPrefRowCount(24);
        raw.setMinHeight(Region.USE_PREF_SIZE);
        raw.getStyleClass().add("mono");
        raw.setAccessibleText(Texts.get("result.details.raw"));
        return pane("rawPane", Texts.get("result.details.raw"), raw, false);
    }
}
