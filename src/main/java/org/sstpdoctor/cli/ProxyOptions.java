package org.sstpdoctor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.probe.ProxySettings;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How to reach the server: the web proxy, its user, and where the password comes from (one source only). */
final class ProxyOptions {
    static final String DEFAULT_PASSWORD_VARIABLE = "SSTP_DOCTOR_PROXY_PASSWORD";

    @Option(names = "--proxy", paramLabel = "none|system|HOST:PORT", defaultValue = "system",
            description = "How to reach the server: none, system (this computer's proxy settings, the default, "
                    + "as Windows does), or a web proxy's HOST:PORT.")
    String proxy;

    @Option(names = "--proxy-user", paramLabel = "USER",
            description = "User name for the web proxy. Windows' SSTP client cannot sign in to a proxy, so the "
                    + "probe first tries without it, then with it if the proxy asks.")
    String proxyUser;

    /** At most one source of the password: picocli rejects both together, rather than one silently winning. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    PasswordSource passwordSource;

    static final class PasswordSource {
        @Option(names = "--proxy-password-env", paramLabel = "VARIABLE", required = true,
                description = "Environment variable holding the proxy password (default: " + DEFAULT_PASSWORD_VARIABLE + ").")
        String variable;

        @Option(names = "--proxy-password-stdin", required = true,
                description = "Read the proxy password from the first line of standard input.")
        boolean stdin;
    }

    boolean passwordFromStdin() {
        return passwordSource != null && passwordSource.stdin;
    }

    String passwordVariable() {
        return passwordSource != null && passwordSource.variable != null ? passwordSource.variable : DEFAULT_PASSWORD_VARIABLE;
    }

    ProxySettings mode() throws InputException {
        String value = proxy == null ? "system" : proxy.trim();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none", "direct", "off" -> ProxySettings.NONE;
            case "system", "auto" -> ProxySettings.SYSTEM;
            default -> ProxySettings.manual(ProxyAddressParser.parse(value));
        };
    }

    /**
     * The proxy settings with the credentials when a user was given. The password, when read, is
     * handed to {@code keep} so the caller wipes it after the probe.
     *
     * @param stdinTaken whether standard input already carries the list of servers
     */
    ProxySettings settings(CliContext context, boolean stdinTaken, java.util.function.Consumer<Secret> keep)
            throws InputException {
        ProxySettings settings = mode();
        if (proxyUser == null) {
            return settings;
        }
        String user = ProxyAddressParser.parseUser(proxyUser);
        if (settings.mode() == ProxyMode.NONE) {
            throw new InputException(org.sstpdoctor.target.InputField.PROXY_USER, "A proxy user name was given, but --proxy is none.");
        }
        if (passwordFromStdin() && stdinTaken) {
            throw new InputException(org.sstpdoctor.target.InputField.PROXY_PASSWORD, "Standard input cannot hold both the password and the list of servers.");
        }
        Secret password = readPassword(context);
        keep.accept(password);
        return settings.withCredentials(user, password);
    }

    private Secret readPassword(CliContext context) throws InputException {
        if (passwordFromStdin()) {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8));
                String line = reader.readLine();
                if (line == null) {
                    throw new InputException(org.sstpdoctor.target.InputField.PROXY_PASSWORD, "--proxy-password-stdin was given, but standard input is empty.");
                }
                return Secret.of(line.toCharArray());
            } catch (IOException e) {
                throw new InputException(org.sstpdoctor.target.InputField.PROXY_PASSWORD, "The password could not be read from standard input: " + e.getMessage());
            }
        }
        String fromEnvironment = context.environment().get(passwordVariable());
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
        throw new InputException(org.sstpdoctor.target.InputField.PROXY_PASSWORD, "No proxy password was given. Set the environment variable "
                + passwordVariable() + ", or use --proxy-password-stdin.");
    }
}
