package org.sstpdoctor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.target.InputException;

/**
 * Where a password comes from on the command line, for every password the tool takes (the proxy's,
 * the VPN user's, the practice server's account): the first line of standard input when asked, else
 * an environment variable, else a prompt at a terminal. Never an argument: a command line is visible
 * to every user of the computer.
 */
final class PasswordSource {
    private PasswordSource() {
    }

    /**
     * @param what how the messages name it ("proxy password")
     * @param stdinOption the option that asks for standard input, for the messages
     * @param prompt the terminal prompt, or null for no prompt
     */
    static Secret read(CliContext context, boolean fromStdin, String variable, String what, String stdinOption,
                       String prompt) throws InputException {
        if (fromStdin) {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8));
                String line = reader.readLine();
                if (line == null) {
                    throw new InputException(org.sstpdoctor.target.InputField.fromLabel(what), stdinOption + " was given, but standard input is empty.");
                }
                return Secret.of(line.toCharArray());
            } catch (IOException e) {
                throw new InputException(org.sstpdoctor.target.InputField.fromLabel(what), "The password could not be read from standard input: " + e.getMessage());
            }
        }
        String fromEnvironment = context.environment().get(variable);
        if (fromEnvironment != null) {
            return Secret.of(fromEnvironment.toCharArray());
        }
        Console console = System.console();
        if (prompt != null && context.interactive() && console != null) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed != null) {
                Secret secret = Secret.of(typed);
                java.util.Arrays.fill(typed, '\0');
                return secret;
            }
        }
        throw new InputException(org.sstpdoctor.target.InputField.fromLabel(what), "No " + what + " was given. Set the environment variable "
                + variable + ", or use " + stdinOption + ".");
    }
}
