package org.sstpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sstpdoctor.responder.PracticePki;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SignInBehaviour;
import org.sstpdoctor.responder.SignInConfig;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.ppp.AuthProtocol;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.sstp.StatusCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sstp-doctor serve}: the built-in SSTP responder, for practice and for trying the probe. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Runs a practice SSTP server on this computer, working or broken on purpose.",
        description = {"Runs a practice SSTP server on this computer that answers like a working server,"
            + " or like one of the broken ones SSTP Doctor diagnoses (see --list-scenarios).",
            "With --user it also signs that one account in over PPP (MS-CHAP v2, PAP or EAP) and offers"
            + " an address, or misbehaves as --sign-in says. It never carries traffic."},
        footer = {"", "The account's password is never taken from the command line: set the environment variable"
            + " SSTP_DOCTOR_VPN_PASSWORD (or the one named by --password-env), or use --password-stdin."})
final class ServeCommand implements Callable<Integer> {
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DebugOption debug;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8443",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only).")
    String bind;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "working",
            description = "How to behave (default: ${DEFAULT-VALUE}); see --list-scenarios.")
    String scenario;

    @Option(names = "--status", paramLabel = "CODE", defaultValue = "404",
            description = "The HTTP status the http-status scenario answers (default: ${DEFAULT-VALUE}).")
    int status;

    @Option(names = "--write-ca", paramLabel = "FILE",
            description = "Write the practice CA certificate (PEM) here, to use with probe --trust-ca.")
    Path caFile;

    @Option(names = "--allow-remote", description = "Allow --bind to an address other computers can reach. The practice "
            + "server is meant for this computer; anyone who can reach it could use it.")
    boolean allowRemote;

    @Option(names = "--list-scenarios", description = "List the scenarios and the sign-in behaviours, and exit.")
    boolean list;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Sign in this one VPN account after the Call Connect Ack (PPP server side).")
    String user;

    @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = "SSTP_DOCTOR_VPN_PASSWORD",
            description = "Environment variable holding the account's password (default: ${DEFAULT-VALUE}).")
    String passwordVariable;

    @Option(names = "--password-stdin", description = "Read the account's password from the first line of standard input.")
    boolean passwordFromStdin;

    @Option(names = "--sign-in", paramLabel = "BEHAVIOUR", defaultValue = "working",
            description = "How the sign-in behaves with --user (default: ${DEFAULT-VALUE}); see --list-scenarios.")
    String signInBehaviour;

    @Option(names = "--auth", paramLabel = "PROTOCOL", defaultValue = "mschapv2",
            description = "The sign-in method asked for with --user: mschapv2, pap or eap (default: ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class, hidden = true,
            description = "Stop after this long (for scripts and tests).")
    Duration runFor;

    /** An address as typed in a probe: IPv6 in brackets. */
    static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return address instanceof java.net.Inet6Address ? "[" + text + "]" : text;
    }

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            for (Scenario s : Scenario.values()) {
                out.printf("  %-22s %s%n", s.id(), s.description());
            }
            out.println();
            out.println("Sign-in behaviours (with --user NAME, --sign-in BEHAVIOUR):");
            for (SignInBehaviour b : SignInBehaviour.values()) {
                out.printf("  %-22s %s%n", b.id(), b.description());
            }
            return 0;
        }
        Scenario chosen = Scenario.fromId(scenario).orElse(null);
        if (chosen == null) {
            err.println("There is no scenario called '" + scenario + "'. See serve --list-scenarios.");
            return ExitCode.BAD_USAGE;
        }
        if (port < 0 || port > 65535) {
            err.println("The port must be a number from 0 to 65535; you typed " + port + ".");
            return ExitCode.BAD_USAGE;
        }
        if (status < 100 || status > 999) {
            err.println("The HTTP status must be a three-digit number; you typed " + status + ".");
            return ExitCode.BAD_USAGE;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            err.println("Cannot listen on '" + bind + "': not an address of this computer.");
            return ExitCode.BAD_USAGE;
        }
        if (!address.isLoopbackAddress()) {
            if (!allowRemote) {
                err.println("Refusing to listen on " + bind + ": other computers could reach the practice server there."
                        + " Use --bind 127.0.0.1 (the default), or add --allow-remote if that is what you want.");
                return ExitCode.BAD_USAGE;
            }
            err.println("warning: listening on " + bind + " (--allow-remote): other computers that can reach this one"
                    + " can use the practice server.");
        }
        SignInConfig signIn = null;
        if (user != null) {
            SignInBehaviour behaviour = SignInBehaviour.fromId(signInBehaviour).orElse(null);
            if (behaviour == null) {
                err.println("There is no sign-in behaviour called '" + signInBehaviour + "'. See serve --list-scenarios.");
                return ExitCode.BAD_USAGE;
            }
            AuthProtocol protocol = switch (auth.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "mschapv2", "ms-chapv2", "ms-chap-v2" -> AuthProtocol.MSCHAP_V2;
                case "pap" -> AuthProtocol.PAP;
                case "eap" -> AuthProtocol.EAP;
                default -> null;
            };
            if (protocol == null) {
                err.println("The sign-in method must be mschapv2, pap or eap; you typed '" + auth + "'.");
                return ExitCode.BAD_USAGE;
            }
            if (user.isBlank() || user.length() > 256 || user.chars().anyMatch(Character::isISOControl)) {
                err.println("The user name must be 1 to 256 printable characters.");
                return ExitCode.BAD_USAGE;
            }
            try {
                Secret password = PasswordSource.read(context, passwordFromStdin, passwordVariable, "account password",
                        "--password-stdin", "Password for the practice account " + user.strip() + ": ");
                signIn = SignInConfig.of(user.strip(), password).withBehaviour(behaviour).withAuth(protocol);
            } catch (InputException e) {
                err.println(e.getMessage());
                return ExitCode.BAD_USAGE;
            }
        } else if (!"working".equals(signInBehaviour)) {
            err.println("--sign-in needs --user NAME: the sign-in behaviours are about one account.");
            return ExitCode.BAD_USAGE;
        }
        // The practice CA publishes its CRL and OCSP responder on loopback, so revocation is checked as for a real CA.
        PracticePki pki = PracticePki.start();
        if (caFile != null) {
            Files.writeString(caFile, pki.caPem(), StandardCharsets.US_ASCII);
        }
        ResponderConfig config = new ResponderConfig(address, port, chosen,
                pki.serverContext(chosen, PracticePki.LOOPBACK_NAMES), status,
                StatusCode.VALUE_NOT_SUPPORTED, 0x02, Duration.ofSeconds(20));
        SstpResponder responder;
        try {
            responder = SstpResponder.start(config, signIn);
        } catch (IOException e) {
            pki.close();
            err.println("Cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return ExitCode.BAD_USAGE;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            responder.close();
            pki.close();
            stop.countDown();
        }, "sstp-doctor-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        InetAddress bound = responder.address();
        // The hint names what was really bound: on all addresses this computer reaches it on loopback.
        String listening = (bound.isAnyLocalAddress() ? "every address of this computer, port " : literal(bound) + ":")
                + responder.port();
        String host = bound.isAnyLocalAddress() ? literal(InetAddress.getLoopbackAddress()) : literal(bound);
        out.println("Practice SSTP server: " + chosen.id() + " - " + chosen.description());
        if (signIn != null) {
            out.println("Signs in " + signIn.user() + " with " + signIn.auth().displayName() + ": "
                    + signIn.behaviour().id() + " - " + signIn.behaviour().description());
        }
        out.println("Listening on " + listening + ". Stop it with Ctrl-C.");
        String expected = pki.expectedFingerprint(chosen).map(f -> " --expect-certificate " + f).orElse("");
        out.println("Try it:  sstp-doctor probe " + host + ":" + responder.port() + " --proxy none"
                + (caFile != null ? " --trust-ca " + caFile : "") + expected
                + (signIn != null ? " --vpn-user " + signIn.user() : ""));
        if (caFile == null) {
            out.println("(Its certificate comes from a practice CA; add --write-ca FILE and probe with --trust-ca FILE"
                    + " to trust it, or see the untrusted-certificate diagnosis without.)");
        }
        out.flush();
        try {
            if (runFor != null) {
                stop.await(runFor.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
        } finally {
            responder.close();
            pki.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
        return 0;
    }
}
