package org.sstpdoctor;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.sstpdoctor.cli.CliContext;
import org.sstpdoctor.cli.SstpDoctorCli;
import org.sstpdoctor.probe.SystemProxyDetector;

/**
 * Starts SSTP Doctor: the wizard when run without arguments (or with only {@code --practice[=scenario]}
 * and {@code --debug[=FILE]}),
 * the command line otherwise. JavaFX is
 * touched only on the wizard path, so the command line runs on machines without a display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        SystemProxyDetector.enableOsProxySettings();
        if (org.sstpdoctor.ui.GuiLauncher.isWizard(args)) {
            org.sstpdoctor.ui.StartupMarks.mark("main");
            // The wizard has no picocli: --debug[=FILE] is read here, with the command line's meaning.
            java.util.Optional<String> debug = org.sstpdoctor.diag.Diagnostics.debugTarget(args);
            if (debug.isPresent()) {
                try {
                    org.sstpdoctor.diag.Diagnostics.enable(debug.get());
                } catch (java.io.IOException | RuntimeException e) {
                    System.err.println("--debug: the log file " + debug.get() + " cannot be written: " + e.getMessage());
                }
            }
            int code = org.sstpdoctor.ui.GuiLauncher.launch(args, System.err);
            if (code != 0) {
                System.exit(code);
            }
            return;
        }
        org.sstpdoctor.cli.Warmup.startFor(args); // TLS, OkHttp and the knowledge base, beside the parsing
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = SstpDoctorCli.execute(CliContext.ofThisProcess(), out, err, args);
        System.exit(code);
    }

    /** No arguments, or only the wizard's own: --practice[=SCENARIO] and --debug[=FILE]. */
    public static boolean opensTheWizard(String[] args) {
        return org.sstpdoctor.ui.GuiLauncher.isWizard(args);
    }
}
