package org.sstpdoctor.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.sstpdoctor.probe.Insights;
import org.sstpdoctor.probe.evidence.CryptoBinding;
import org.sstpdoctor.probe.windows.WindowsCompatibility;

/** The result page's "Will Windows connect?" table: one row per Windows family, then the certificate the crypto binding will see. */
final class WindowsTable {
    private WindowsTable() {
    }

    static void fill(GridPane grid, Insights in) {
        grid.getChildren().clear();
        WindowsCompatibility w = in.windowsCompatibility();
        int row = 0;
        if (w != null) {
            Label heading = new Label(Texts.get("result.windows"));
            heading.getStyleClass().add("windows-heading");
            grid.add(heading, 0, row++, 2, 1);
            for (WindowsCompatibility.Row r : w.rows()) {
                // The short name fits the name column; the servers of the family are in the tooltip and reports.
                row = add(grid, row, r.family().shortName(), r.verdictText(), "windows-" + r.status().id().replace('_', '-'));
                javafx.scene.control.Tooltip.install(grid.getChildren().get(grid.getChildren().size() - 2),
                        new javafx.scene.control.Tooltip(r.family().label()));
            }
        }
        CryptoBinding b = in.cryptoBinding();
        if (b != null) {
            row = fingerprint(grid, row, Texts.get("result.windows.binding"), CryptoBinding.withColons(b.sha256()));
            row = fingerprint(grid, row, "SHA-1", CryptoBinding.withColons(b.sha1()));
            if (!b.expected().isEmpty()) {
                boolean ok = b.matches().orElse(false);
                row = add(grid, row, Texts.get("result.windows.expected"), Texts.get(ok ? "result.windows.expected.match"
                        : "result.windows.expected.mismatch"), ok ? "windows-yes" : "windows-no");
                if (!ok) { // both fingerprints side by side, as the issue asks: the received one is above
                    row = fingerprint(grid, row, Texts.get("result.windows.expected.hash"), CryptoBinding.withColons(b.expected()));
                }
            }
        }
        if (in.serverIdentity() != null) {
            row = add(grid, row, Texts.get("result.windows.server"), in.serverIdentity().describe(), "fact-value");
        }
        if (in.captivePortal() != null && !in.captivePortal().pageAddress().isEmpty()) {
            add(grid, row, Texts.get("result.windows.login"), in.captivePortal().pageAddress(), "fact-value");
        }
        grid.setVisible(!grid.getChildren().isEmpty());
        grid.setManaged(grid.isVisible());
    }

    /** A fingerprint in full and selectable, to compare and copy, 16 bytes a line (as in the certificate chain). */
    private static int fingerprint(GridPane grid, int row, String name, String withColons) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        GridPane.setValignment(n, javafx.geometry.VPos.TOP);
        var v = ResultDetails.selectable(withColons.replaceAll("((?:[0-9A-Fa-f]{2}:){16})", "$1\n"), "fingerprint");
        v.setAccessibleText(name + ": " + withColons);
        grid.addRow(row, n, v);
        return row + 1;
    }

    private static int add(GridPane grid, int row, String name, String value, String style) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        GridPane.setValignment(n, javafx.geometry.VPos.TOP); // beside the first line of a fingerprint that wraps

        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().addAll("fact-value", style);
        v.setAccessibleText(name + ": " + value);
        grid.addRow(row, n, v);
        return row + 1;
    }
}
