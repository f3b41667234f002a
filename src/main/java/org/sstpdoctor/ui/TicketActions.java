package org.sstpdoctor.ui;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.ResolutionJson;
import org.sstpdoctor.ticket.Environment;
import org.sstpdoctor.ticket.HelpdeskFile;
import org.sstpdoctor.ticket.TicketSummary;

/** The result page's ticket actions: "Copy summary" and "Save for the helpdesk…". */
final class TicketActions {
    private TicketActions() {
    }

    static void copySummary(PageContext context, ProbeReport report, Resolution resolution, Consumer<String> message) {
        ClipboardContent c = new ClipboardContent();
        c.putString(TicketSummary.of(JsonReport.toTree(report, ResolutionJson.toNode(resolution)),
                context.services().kb().getNow(null), ZoneId.systemDefault(), Instant.now()));
        Clipboard.getSystemClipboard().setContent(c);
        message.accept(Texts.get("ticket.copied"));
    }

    static void saveForHelpdesk(PageContext context, ProbeReport report, Resolution resolution, Consumer<String> message) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("ticket.save.title"));
        chooser.setInitialFileName(HelpdeskFile.suggestedName(report));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(Texts.get("ticket.save.filter"), "*.zip"));
        File file = chooser.showSaveDialog(context.actions().window());
        if (file != null) {
            save(context, report, resolution, file, message);
        }
    }

    /** Writes the file off the FX thread (the environment is gathered there too). */
    static void save(PageContext context, ProbeReport report, Resolution resolution, File file, Consumer<String> message) {
        message.accept(Texts.get("ticket.saving", file.getName()));
        context.background().run(() -> {
            var tree = JsonReport.toTree(report, null);
            HelpdeskFile.write(file.toPath(), report, resolution, Environment.ofThisComputer(tree),
                    HelpdeskUi.desk(context).history().forServer(ReportSummary.of(tree).serverKey()), Instant.now());
            return file;
        }, f -> message.accept(Texts.get("ticket.saved", f.getName())),
                e -> message.accept(Texts.get("ticket.save.failed", e.getMessage())));
    }
}
