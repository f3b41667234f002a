package org.sstpdoctor.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: a thin shell over the probe engine and the report renderers. */
@Command(name = "sstp-doctor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Tells you, in plain English, why an SSTP VPN connection cannot get through.",
            "Run without arguments to open the wizard."},
        subcommands = {ProbeCommand.class, LookupCommand.class, ServeCommand.class, ExporterCommand.class,
            HistoryCommand.class, OpenCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the SSTP service answered (reachable)", "1:a failure was diagnosed",
            "2:bad usage or input", "3:internal error"})
public final class SstpDoctorCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Say what to do: probe, lookup, serve, exporter, history, open or help.");
    }

    /** Runs the command line and returns the exit code (never calls System.exit). */
    public static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SstpDoctorCli(), new ContextFactory(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCode.BAD_USAGE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("SSTP Doctor hit an internal error: " + e);
            return ExitCode.INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println(e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more.");
            return ExitCode.BAD_USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Gives the commands the context. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == ProbeCommand.class) {
                return cls.cast(new ProbeCommand(context));
            }
            if (cls == LookupCommand.class) {
                return cls.cast(new LookupCommand(context));
            }
            if (cls == ServeCommand.class) {
                return cls.cast(new ServeCommand(context));
            }
            if (cls == ExporterCommand.class) {
                return cls.cast(new ExporterCommand(context));
            }
            if (cls == HistoryCommand.class) {
                return cls.cast(new HistoryCommand(context));
            }
            if (cls == OpenCommand.class) {
                return cls.cast(new OpenCommand(context));
            }
            return fallback.create(cls);
        }
    }
}
