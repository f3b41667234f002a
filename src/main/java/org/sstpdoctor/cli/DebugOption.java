package org.sstpdoctor.cli;

import java.io.IOException;
import org.sstpdoctor.diag.Diagnostics;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --debug[=FILE]}, shared by every command: what happens, step by step, never a secret. */
final class DebugOption {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--debug", arity = "0..1", fallbackValue = "-", paramLabel = "FILE",
            description = "Write what happens, step by step, to standard error, or append it to FILE. "
                    + "Never a password.")
    void debug(String target) {
        try {
            Diagnostics.enable(target);
        } catch (IOException | RuntimeException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "--debug: the log file " + target + " cannot be written: " + e.getMessage());
        }
    }
}
