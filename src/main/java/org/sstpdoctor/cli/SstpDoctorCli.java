package org.sstpdoctor.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: a thin shell over the probe engine and the report renderers. */
@Command(name = "sstp-doctor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Tells you, in plain English, why an SSTP VPN connection cannot get through.",
            "Run without arguments to open the wizard."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the SSTP service answered (reachable)", "1:a failure was diagnosed",
            "2:bad usage or input", "3:internal error"})
public final class SstpDoctorCli implements Runnable {
    /**
     * The commands, by the name each one's {@code @Command} gives it, in the order the help lists them.
     * Registered with picocli only when needed (see {@link #commandsFor}): picocli reads every option
     * of every registered command by reflection before it parses a word, which is a large part of a
     * short run's start-up.
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("probe", ProbeCommand.class);
        all.put("lookup", LookupCommand.class);
        all.put("serve", ServeCommand.class);
        all.put("exporter", ExporterCommand.class);
        all.put("history", HistoryCommand.class);
        all.put("open", OpenCommand.class);
        all.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(all);
    }

    /**
     * The commands these arguments need: the one they start with, or all of them (for the general help,
     * {@code help COMMAND}, an option before the command, a typo to answer with "did you mean").
     */
    static Map<String, Class<?>> commandsFor(String... args) {
        if (args.length > 0 && !args[0].equals("help") && COMMANDS.containsKey(args[0])) {
            return Map.of(args[0], COMMANDS.get(args[0]));
        }
        return COMMANDS;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DebugOption debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Say what to do: probe, lookup, serve, exporter, history, open or help.");
    }

    /** Runs the command line and returns the exit code (never calls System.exit). */
    public static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SstpDoctorCli(), new ContextFactory(context));
        for (Map.Entry<String, Class<?>> command : commandsFor(args).entrySet()) {
            cli.addSubcommand(command.getKey(), command.getValue());
        }
        cli.setOut(out);
        cli.setErr(err);
        Handlers handlers = new Handlers();
        cli.setExitCodeExceptionMapper(handlers);
        cli.setExecutionExceptionHandler(handlers);
        cli.setParameterExceptionHandler(handlers);
        Optional<String> unknown = unknownCommand(cli, args);
        if (unknown.isPresent()) {
            err.println(unknown.get());
            err.println("Try 'sstp-doctor --help' for the commands.");
            out.flush();
            err.flush();
            return ExitCode.BAD_USAGE;
        }
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A first word that is no command ("prob", "exporter" on a build without it), with what was
     * probably meant. Checked before picocli, which would otherwise answer "sstp-doctor bogus --help"
     * with the general help and exit 0, and "prob 1.2.3.4" with "Unmatched arguments from index 0".
     */
    static Optional<String> unknownCommand(CommandLine cli, String... args) {
        if (args.length == 0 || args[0].startsWith("-") || cli.getSubcommands().containsKey(args[0])) {
            return Optional.empty();
        }
        String typed = args[0];
        String shown = org.sstpdoctor.text.PeerText.line(typed.length() > 40 ? typed.substring(0, 39) + "…" : typed);
        List<String> close = cli.getSubcommands().keySet().stream()
                .filter(name -> closeTo(typed.toLowerCase(Locale.ROOT), name))
                .sorted().toList();
        String hint = !close.isEmpty() ? " Did you mean " + String.join(" or ", close) + "?"
                : typed.contains(".") || typed.contains(":") ? " To test a server: sstp-doctor probe " + shown : "";
        return Optional.of("There is no command '" + shown + "'." + hint);
    }

    /** A typo of {@code name}: a prefix of it, or at most two edits away. */
    static boolean closeTo(String typed, String name) {
        if (typed.length() >= 2 && name.startsWith(typed)) {
            return true;
        }
        if (Math.abs(typed.length() - name.length()) > 2) {
            return false;
        }
        int[] previous = new int[name.length() + 1];
        int[] current = new int[name.length() + 1];
        for (int j = 0; j <= name.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= typed.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= name.length(); j++) {
                int cost = typed.charAt(i - 1) == name.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[name.length()] <= 2;
    }

    /**
     * How failures end: a class, not lambdas. picocli's class files are Java 5's, and JDK 17's
     * class-data sharing leaves out an old class that the archive dump had to link, which it does for
     * every lambda or method reference implementing or calling a picocli type (the class list's
     * {@code @lambda-proxy} lines): with the three lambdas and one method reference that were here,
     * {@code picocli.CommandLine} itself, its largest class, was loaded and verified from the jar at every start.
     */
    private static final class Handlers implements CommandLine.IExitCodeExceptionMapper,
            CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
        @Override
        public int getExitCode(Throwable exception) {
            return ExitCode.BAD_USAGE;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            commandLine.getErr().println("SSTP Doctor hit an internal error: " + e);
            return ExitCode.INTERNAL_ERROR;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine c = e.getCommandLine();
            c.getErr().println(e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more.");
            return ExitCode.BAD_USAGE;
        }
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
