package org.sstpdoctor.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.report.ReportFormat;

/** Where a saved report goes: a dated name in the person's documents folder. */
final class ReportFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT);

    private ReportFiles() {
    }

    /** "sstp-doctor-vpn.example.com-2026-12-01-1840": which server, when, and sorts by date. */
    static String suggestedName(ProbeReport report) {
        String host = report == null ? "report" : report.target().host().replaceAll("[^A-Za-z0-9.-]", "_");
        LocalDateTime at = report == null ? LocalDateTime.now()
                : LocalDateTime.ofInstant(report.startedAt(), java.time.ZoneId.systemDefault());
        return "sstp-doctor-" + host + "-" + STAMP.format(at);
    }

    /** The documents folder (Windows, macOS and XDG all call it Documents), else the home folder. */
    static File documentsFolder() {
        Path home = Path.of(System.getProperty("user.home", "."));
        Path docs = home.resolve("Documents");
        return (Files.isDirectory(docs) ? docs : home).toFile();
    }

    static Optional<File> chooseWithDialog(ReportFormat suggested, String suggestedName, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("result.save.title"));
        for (ReportFormat f : ReportFormat.savable()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    Texts.get("result.save.filter", f.label(), f.extension()), "*." + f.extension()));
        }
        chooser.setInitialDirectory(documentsFolder());
        chooser.setInitialFileName(suggestedName + "." + suggested.extension());
        File file = chooser.showSaveDialog(owner);
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
}
