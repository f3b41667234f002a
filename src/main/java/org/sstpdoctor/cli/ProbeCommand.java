package org.sstpdoctor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.ProbeListener;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.probe.ProxySettings;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.probe.TrustStores;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.TextReport;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.target.Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sstp-doctor probe ADDRESS}: tests one SSTP server and prints the verdict and the evidence. */
@Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Tests whether an SSTP VPN server can be reached from here, stage by stage,",
            "and says who answered: the proxy, the server, or nobody."},
        footer = {"", "The proxy password is never taken from the command line: set the environment variable",
            "SSTP_DOCTOR_PROXY_PASSWORD (or the one named by --proxy-password-env), or use",
            "--proxy-password-stdin, or type it when asked."})
final class ProbeCommand implements Callable<Integer> {
    static final String DEFAULT_PASSWORD_VARIABLE = "SSTP_DOCTOR_PROXY_PASSWORD";

    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ADDRESS",
            description = "The VPN server's Internet address: vpn.example.com, vpn.example.com:4443, "
                    + "https://vpn.example.com/, [2001:db8::1]:443 or an IP address.")
    String address;

    @Option(names = "--port", paramLabel = "PORT", description = "The port, if not 443 and not in the address.")
    String port;

    @Option(names = "--proxy", paramLabel = "none|system|HOST:PORT", defaultValue = "system",
            description = "How to reach the server: none, system (this computer's proxy settings, the default, "
                    + "as Windows does), or a web proxy's HOST:PORT.")
    String proxy;

    @Option(names = "--proxy-user", paramLabel = "USER",
            description = "User name for the web proxy. Windows' SSTP client cannot sign in to a proxy, so the "
                    + "probe first tries without it, then with it if the proxy asks.")
    String proxyUser;

    @Option(names = "--proxy-password-env", paramLabel = "VARIABLE", defaultValue = DEFAULT_PASSWORD_VARIABLE,
            description = "Environment variable holding the proxy password (default: ${DEFAULT-VALUE}).")
    String passwordVariable;

    @Option(names = "--proxy-password-stdin", description = "Read the proxy password from the first line of standard input.")
    boolean passwordFromStdin;

    @Option(names = "--trust-ca", paramLabel = "FILE",
            description = "A PEM file of CA certificates to trust besides the system's (a private PKI). Repeatable.")
    List<Path> trustFiles = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
            description = "Give up on the server after this long: 15s, 500ms, 2m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the machine-readable report (schema sstp-doctor/report/v1).")
    boolean json;

    ProbeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProbeRequest request;
        Secret password = null;
        try {
            Integer portOverride = port == null ? null : AddressParser.parsePort(port, "port");
            Target target = AddressParser.parse(address, portOverride);
            ProxySettings proxySettings = proxySettings();
            if (proxyUser != null) {
                String user = ProxyAddressParser.parseUser(proxyUser);
                if (proxySettings.mode() == ProxyMode.NONE) {
                    throw new InputException("proxy user", "A proxy user name was given, but --proxy is none.");
                }
                password = readPassword(err);
                proxySettings = proxySettings.withCredentials(user, password);
            }
            List<X509Certificate> extra = new ArrayList<>();
            for (Path file : trustFiles) {
                extra.addAll(TrustStores.readCertificates(file));
            }
            request = new ProbeRequest(address, target, proxySettings, extra,
                    trustFiles.isEmpty() ? null : trustFiles.toString(), timeout);
        } catch (InputException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_USAGE;
        }

        Cancellation cancellation = new Cancellation();
        // Ctrl-C ends the probe cleanly: sockets closed, no half-written report.
        Thread hook = new Thread(cancellation::cancel, "sstp-doctor-cancel");
        boolean hooked = addShutdownHook(hook);
        try {
            ProbeListener listener = context.interactive() && !json ? new ProgressPrinter(err) : ProbeListener.NONE;
            if (context.interactive() && !json) {
                err.println("Testing " + request.target() + " ...");
            }
            ProbeReport report = context.probes().get().run(request, listener, cancellation);
            out.print(json ? JsonReport.render(report) + "\n" : TextReport.render(report));
            out.flush();
            return ExitCode.of(report);
        } finally {
            if (hooked) {
                removeShutdownHook(hook);
            }
            if (password != null) {
                password.wipe();
            }
        }
    }

    private ProxySettings proxySettings() throws InputException {
        String value = proxy == null ? "system" : proxy.trim();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none", "direct", "off" -> ProxySettings.NONE;
            case "system", "auto" -> ProxySettings.SYSTEM;
            default -> ProxySettings.manual(ProxyAddressParser.parse(value));
        };
    }

    private Secret readPassword(PrintWriter err) throws InputException {
        if (passwordFromStdin) {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8));
                String line = reader.readLine();
                if (line == null) {
                    throw new InputException("proxy password", "--proxy-password-stdin was given, but standard input is empty.");
                }
                return Secret.of(line.toCharArray());
            } catch (IOException e) {
                throw new InputException("proxy password", "The password could not be read from standard input: " + e.getMessage());
            }
        }
        String fromEnvironment = context.environment().get(passwordVariable);
        if (fromEnvironment != null) {
            return Secret.of(fromEnvironment.toCharArray());
        }
        Console console = System.console();
        if (context.interactive() && console != null) {
            char[] typed = console.readPassword("Password for the proxy user %s: ", proxyUser);
            if (typed != null) {
                Secret secret = Secret.of(typed);
                java.util.Arrays.fill(typed, '\0');
                return secret;
            }
        }
        throw new InputException("proxy password", "No proxy password was given. Set the environment variable "
                + passwordVariable + ", or use --proxy-password-stdin.");
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // shutting down already: the hook runs or has run, which is fine
        }
    }

    /** Live progress on the terminal, one line per finished stage. */
    private static final class ProgressPrinter implements ProbeListener {
        private final PrintWriter err;

        ProgressPrinter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void stageStarted(Stage stage, double atMillis) {
            err.println("  ... " + stage.activity());
            err.flush();
        }

        @Override
        public void stageFinished(StageResult result) {
            err.println("  " + result.status().id() + ": " + result.stage().title()
                    + (result.detail().isEmpty() ? "" : " - " + result.detail()));
            err.flush();
        }

        @Override
        public void note(String message) {
            err.println("  note: " + message);
            err.flush();
        }
    }
}
