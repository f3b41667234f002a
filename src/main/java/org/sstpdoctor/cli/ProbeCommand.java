package org.sstpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
import org.sstpdoctor.probe.TrustStores;
import org.sstpdoctor.signin.Credentials;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.BatchProbe;
import org.sstpdoctor.report.ReportFormat;
import org.sstpdoctor.report.ResolutionJson;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.probe.evidence.CryptoBinding;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.target.Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sstp-doctor probe ADDRESS}: tests one SSTP server and prints the verdict and the evidence. */
@Command(name = "probe", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Tests whether an SSTP VPN server can be reached from here, stage by stage.",
        description = "Makes the real SSTP handshake, times every stage, and says who answered: the proxy,"
            + " the server, or nobody.",
        footer = {"", "The proxy password is never taken from the command line: set the environment variable"
            + " SSTP_DOCTOR_PROXY_PASSWORD (or the one named by --proxy-password-env), or use"
            + " --proxy-password-stdin, or type it when asked. The same holds for the VPN password"
            + " (--vpn-user): SSTP_DOCTOR_VPN_PASSWORD, --vpn-password-env, --vpn-password-stdin, or a prompt."
            + " It is sent only to a server whose certificate passed every check."})
final class ProbeCommand implements Callable<Integer> {
    static final String DEFAULT_PASSWORD_VARIABLE = ProxyOptions.DEFAULT_PASSWORD_VARIABLE;
    static final String DEFAULT_VPN_PASSWORD_VARIABLE = "SSTP_DOCTOR_VPN_PASSWORD";

    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ADDRESS",
            description = "The VPN server's Internet address: vpn.example.com, vpn.example.com:4443, "
                    + "https://vpn.example.com/, [2001:db8::1]:443 or an IP address. Several may be given.")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FILE",
            description = "Read addresses from FILE, one per line; '#' starts a comment. '-' reads standard input.")
    Path addressFile;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "How many servers to probe at once (1-" + BatchProbe.MAX_CONCURRENCY + ", default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--format", paramLabel = "text|table|jsonl|csv|markdown|html", converter = FormatConverter.class,
            description = "Output: text (the full report; the default for one server), table (one line per server; "
                    + "the default for several), jsonl (one JSON report per line), csv, or for one server markdown "
                    + "or html (the same report, for a ticket or a web page).")
    ReportFormat format;

    @Option(names = "--port", paramLabel = "PORT", description = "The port, if not 443 and not in the address.")
    String port;

    @CommandLine.Mixin
    ProxyOptions proxyOptions;

    @CommandLine.Mixin
    DebugOption debug;

    @Option(names = "--vpn-user", paramLabel = "NAME",
            description = "Also sign in to the VPN as this user (DOMAIN\\user or user) after the SSTP answer: PPP, "
                    + "MS-CHAP v2 (or PAP/EAP if the server insists), the crypto binding, an address, then hang up.")
    String vpnUser;

    @Option(names = "--vpn-password-env", paramLabel = "VARIABLE", defaultValue = DEFAULT_VPN_PASSWORD_VARIABLE,
            description = "Environment variable holding the VPN password (default: ${DEFAULT-VALUE}).")
    String vpnPasswordVariable;

    @Option(names = "--vpn-password-stdin", description = "Read the VPN password from the first line of standard input.")
    boolean vpnPasswordFromStdin;

    @Option(names = "--trust-ca", paramLabel = "FILE",
            description = "A PEM file of CA certificates to trust besides the system's (a private PKI). Repeatable.")
    List<Path> trustFiles = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.Timeout.class,
            description = "Give up on the server after this long, from 1s to 2m: 15s, 90s, 2m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the machine-readable report (schema sstp-doctor/report/v1).")
    boolean json;

    @Option(names = "--expect-certificate", paramLabel = "SHA256", description = "The SHA-256 fingerprint (or Windows "
            + "SHA-1 thumbprint) the server's certificate should have; any other is reported as its own finding.")
    String expectCertificate;

    @Option(names = "--no-windows-check", description = "Skip the per-Windows TLS offers (2-4 extra connections per server).")
    boolean noWindowsCheck;

    @Option(names = "--no-revocation-check", description = "Skip fetching the chain's CRLs and OCSP answers; the report"
            + " then says the revocation was not checked.")
    boolean noRevocationCheck;

    @Option(names = "--kb-overrides", paramLabel = "FILE", description = "The site's knowledge-base overrides (default: "
            + "$SSTP_DOCTOR_KB_OVERRIDES, else kb-overrides.json in the user's config folder).")
    Path overrides;

    @Option(names = "--no-history", description = "Do not keep this test in the history (see the history command).")
    boolean noHistory;

    @Option(names = "--save-for-helpdesk", paramLabel = "FILE.zip", description = "Also write the helpdesk file: the"
            + " report in every format, the redacted environment and this server's history (see the README).")
    Path helpdeskFile;

    ProbeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Secret password = null;
        Secret vpnPassword = null;
        try {
            if (addresses.isEmpty() && addressFile == null) {
                throw new InputException(org.sstpdoctor.target.InputField.ADDRESS, "Say which server to test, for example: sstp-doctor probe vpn.example.com");
            }
            if (concurrency < 1 || concurrency > BatchProbe.MAX_CONCURRENCY) {
                throw new InputException(org.sstpdoctor.target.InputField.CONCURRENCY, "--concurrency must be from 1 to " + BatchProbe.MAX_CONCURRENCY
                        + "; you gave " + concurrency + ".");
            }
            if (vpnUser != null && noRevocationCheck) {
                throw new InputException(org.sstpdoctor.target.InputField.VPN_USER, "--vpn-user needs the revocation check: the VPN password is sent only"
                        + " past a certificate whose revocation was checked. Leave out --no-revocation-check.");
            }
            Integer portOverride = port == null ? null : AddressParser.parsePort(port, org.sstpdoctor.target.InputField.PORT);
            if (vpnUser != null && vpnPasswordFromStdin
                    && (proxyOptions.passwordFromStdin() && proxyOptions.proxyUser != null
                    || "-".equals(String.valueOf(addressFile)))) {
                throw new InputException(org.sstpdoctor.target.InputField.VPN_PASSWORD, "Standard input can hold only one thing: the VPN password, "
                        + "the proxy password or the list of servers. Give the others another way.");
            }
            Secret[] read = new Secret[1];
            ProxySettings proxySettings = proxyOptions.settings(context, "-".equals(String.valueOf(addressFile)),
                    secret -> read[0] = secret);
            password = read[0];
            Credentials signIn = null;
            if (vpnUser != null) {
                String[] parts = splitDomain(vpnUser);
                vpnPassword = PasswordSource.read(context, vpnPasswordFromStdin, vpnPasswordVariable, "VPN password",
                        "--vpn-password-stdin", "VPN password for " + vpnUser.strip() + ": ");
                try {
                    signIn = new Credentials(parts[1], vpnPassword, parts[0]);
                } catch (IllegalArgumentException e) {
                    throw new InputException(org.sstpdoctor.target.InputField.VPN_USER, "The VPN user name cannot be used: " + e.getMessage() + ".");
                }
            } else if (vpnPasswordFromStdin) {
                throw new InputException(org.sstpdoctor.target.InputField.VPN_USER, "--vpn-password-stdin was given without --vpn-user NAME.");
            }
            List<X509Certificate> extra = new ArrayList<>();
            for (Path file : trustFiles) {
                extra.addAll(TrustStores.readCertificates(file));
            }
            String expected = expectCertificate == null ? "" : CryptoBinding.normalise(expectCertificate).orElseThrow(() ->
                    new InputException(org.sstpdoctor.target.InputField.EXPECTED_CERTIFICATE, "--expect-certificate must be a "
                            + "SHA-256 fingerprint (64 hex digits, colons allowed) or a Windows SHA-1 thumbprint (40 hex digits)."));
            RequestOptions options = new RequestOptions(proxySettings, extra,
                    trustFiles.isEmpty() ? null : trustFiles.toString(), timeout, portOverride, expected, !noWindowsCheck, signIn,
                    !noRevocationCheck);
            ReportFormat chosen = format();
            if (addressFile == null && addresses.size() == 1 && chosen.forOneServer()) {
                return single(options.requestFor(addresses.get(0)), chosen, out, err);
            }
            return batch(options, chosen, out, err);
        } catch (InputException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_USAGE;
        } finally {
            if (password != null) {
                password.wipe();
            }
            if (vpnPassword != null) {
                vpnPassword.wipe();
            }
        }
    }

    /** Converts --format with the registry's names and aliases, and says which there are. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return ReportFormat.fromId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "--format must be text, table, jsonl, csv, markdown or html; you gave '" + value + "'."));
        }
    }

    private ReportFormat format() throws InputException {
        boolean many = addressFile != null || addresses.size() > 1;
        if (format == null) {
            if (json) {
                return many ? ReportFormat.JSONL : ReportFormat.JSON;
            }
            return many ? ReportFormat.TABLE : ReportFormat.TEXT;
        }
        if (format == ReportFormat.JSON && many) {
            return ReportFormat.JSONL;
        }
        if (many && !format.forManyServers()) {
            throw new InputException(org.sstpdoctor.target.InputField.FORMAT, "--format " + format.id() + " is for one server; for several"
                    + " use table, jsonl or csv.");
        }
        return format;
    }

    /** "CORP\\alice" to {"CORP", "alice"}; "alice" to {"", "alice"}. */
    static String[] splitDomain(String typed) throws InputException {
        String value = typed.strip();
        int slash = value.indexOf('\\');
        String domain = slash < 0 ? "" : value.substring(0, slash);
        String user = slash < 0 ? value : value.substring(slash + 1);
        if (user.isEmpty() || user.indexOf('\\') >= 0) {
            throw new InputException(org.sstpdoctor.target.InputField.VPN_USER, "Type the VPN user as user or DOMAIN\\user; '" + value + "' is neither.");
        }
        return new String[] {domain, user};
    }

    private int single(ProbeRequest request, ReportFormat chosen, PrintWriter out, PrintWriter err) {
        boolean asJson = chosen == ReportFormat.JSON;
        Cancellation cancellation = new Cancellation();
        // Ctrl-C ends the probe cleanly: sockets closed, no half-written report.
        Thread hook = new Thread(cancellation::cancel, "sstp-doctor-cancel");
        boolean hooked = addShutdownHook(hook);
        try {
            ProbeListener listener = context.interactive() && !asJson ? new StageProgress(err) : ProbeListener.NONE;
            if (context.interactive() && !asJson) {
                err.println("Testing " + request.target() + " ...");
            }
            ProbeReport report = context.probes().get().run(request, listener, cancellation);
            // After the probe, so the connection opens first: Main's warm-up reads the knowledge base meanwhile.
            KnowledgeBase kb = KnowledgeLoader.load(context, overrides, err);
            Resolution resolution = Resolution.of(report, kb);
            out.print(chosen.render(report, resolution) + (chosen == ReportFormat.JSON ? "\n" : ""));
            if (!noHistory) {
                java.util.Optional<String> history = HistoryHook.open(context, err).keep(report);
                if (chosen == ReportFormat.TEXT) {
                    history.ifPresent(h -> out.print("\n" + h));
                }
            }
            if (helpdeskFile != null) {
                HistoryHook.saveForHelpdesk(context, helpdeskFile, report, resolution, err);
            }
            out.flush();
            return ExitCode.of(report);
        } finally {
            if (hooked) {
                removeShutdownHook(hook);
            }
        }
    }

    private int batch(RequestOptions options, ReportFormat chosen, PrintWriter out, PrintWriter err)
            throws InputException {
        // A long batch is where the JVM may run short of threads; its warnings must not land inside the CSV.
        JvmWarnings.toStandardError();
        KnowledgeBase kb = chosen.needsKnowledgeBase() ? KnowledgeLoader.load(context, overrides, err) : null;
        AddressSource source;
        try {
            source = new AddressSource(addresses, addressFile, context.stdin());
        } catch (IOException e) {
            throw new InputException(org.sstpdoctor.target.InputField.FILE, "The list of servers " + addressFile + " cannot be read: " + e.getMessage());
        }
        Cancellation cancellation = new Cancellation();
        Thread hook = new Thread(cancellation::cancel, "sstp-doctor-cancel");
        boolean hooked = addShutdownHook(hook);
        ProgressBar progress = context.interactive() ? new ProgressBar(err) : null;
        try (source) {
            if (!chosen.header().isEmpty()) {
                out.println(chosen.header());
            }
            java.util.Iterator<BatchProbe.Item> items = new java.util.Iterator<>() {
                int index;

                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public BatchProbe.Item next() {
                    String typed = source.next();
                    int i = index++;
                    try {
                        return BatchProbe.Item.of(i, typed, options.requestFor(typed));
                    } catch (InputException e) {
                        return BatchProbe.Item.rejected(i, typed, ProbeReport.badInput(typed, e.getMessage(), java.time.Instant.now()));
                    }
                }
            };
            HistoryHook history = noHistory ? null : HistoryHook.open(context, err);
            BatchProbe.Summary summary = BatchProbe.run(items, concurrency, context.probes().get(), cancellation,
                    (item, report) -> {
                        if (history != null && report.outcome() != org.sstpdoctor.probe.Outcome.BAD_INPUT) {
                            history.keep(report);
                        }
                        if (progress != null) {
                            progress.clear();
                        }
                        Resolution resolution = kb == null ? Resolution.empty() : Resolution.of(report, kb);
                        if (chosen == ReportFormat.TEXT) {
                            out.print(chosen.render(report, resolution));
                            out.println("-".repeat(72));
                        } else {
                            out.println(chosen.render(report, resolution));
                        }
                        out.flush();
                        if (progress != null) {
                            progress.advance(report);
                        }
                    });
            if (progress != null) {
                progress.clear();
            }
            if (source.error() != null) {
                err.println("The list of servers could not be read to the end: " + source.error());
            }
            if (chosen == ReportFormat.TABLE || chosen == ReportFormat.TEXT) {
                err.printf(Locale.ROOT, "%d %s: %d reachable, %d with warnings, %d failing, %d not valid.%n",
                        summary.total(), summary.total() == 1 ? "server" : "servers", summary.passed(), summary.warned(),
                        summary.failed(), summary.badInput());
            }
            err.flush();
            if (summary.total() == 0 && source.error() == null) {
                err.println("The list of servers is empty.");
                return ExitCode.BAD_USAGE;
            }
            if (summary.badInput() > 0 || source.error() != null) {
                return ExitCode.BAD_USAGE;
            }
            return summary.worst() == org.sstpdoctor.probe.Verdict.FAIL ? ExitCode.DIAGNOSED_FAILURE : ExitCode.REACHABLE;
        } finally {
            if (hooked) {
                removeShutdownHook(hook);
            }
        }
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
}
