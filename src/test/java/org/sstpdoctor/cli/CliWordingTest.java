package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.report.TableReport;

/** What the command line says about itself: whole sentences, aligned columns, help for what exists. */
class CliWordingTest {
    @Test
    void everyCommandSummaryInTheHelpIsAWholeSentence() {
        CliTest.Run help = CliTest.run("--help");
        String commands = help.out().substring(help.out().indexOf("Commands:"));
        List<String> entries = commands.lines().skip(1).takeWhile(l -> !l.isBlank()).toList();
        assertTrue(entries.size() >= 4, commands);
        StringBuilder summary = new StringBuilder();
        for (String line : entries) {
            if (!line.startsWith("      ") && summary.length() > 0) {
                assertTrue(summary.toString().strip().endsWith("."), "stops mid-sentence: " + summary);
                summary.setLength(0);
            }
            summary.append(' ').append(line.strip());
        }
        assertTrue(summary.toString().strip().endsWith("."), "stops mid-sentence: " + summary);
    }

    /**
     * Every command's --help reads as paragraphs: no line broken short in mid-sentence (a
     * description written as several strings, one per source line, which picocli prints one per
     * line: "...and offers" / "an address, ..."), and every command's summary a whole sentence.
     */
    @Test
    void everyCommandsHelpHasNoStrayLineBreaks() {
        List<String> commands = new java.util.ArrayList<>(List.of(""));
        String general = CliTest.run("--help").out();
        general.substring(general.indexOf("Commands:")).lines().skip(1).takeWhile(l -> !l.isBlank())
                .filter(l -> l.matches("^  [a-z]+ .*")).map(l -> l.strip().split(" ")[0]).forEach(commands::add);
        assertTrue(commands.containsAll(List.of("probe", "lookup", "serve", "history", "open")), commands.toString());
        for (String command : commands) {
            CliTest.Run run = command.isEmpty() ? CliTest.run("--help") : CliTest.run(command, "--help");
            assertEquals(0, run.code(), command);
            List<String> lines = run.out().lines().toList();
            assertTrue(lines.get(0).strip().matches(".*[.:]$") || lines.get(0).startsWith("Usage:"),
                    command + "'s summary stops mid-sentence: " + lines.get(0));
            for (int i = 0; i + 1 < lines.size(); i++) {
                String line = lines.get(i);
                String next = lines.get(i + 1);
                if (line.isBlank() || next.isBlank() || indent(line) != indent(next)
                        || !Character.isLowerCase(next.strip().charAt(0))) {
                    continue; // a new paragraph, option or heading, not the same sentence going on
                }
                String word = next.strip().split(" ")[0];
                assertTrue(line.length() + 1 + word.length() >= 80, // picocli fills 79 of the 80 columns
                        "'" + command + " --help' breaks a line early:\n" + line + "\n" + next);
            }
        }
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    @Test
    void aMistypedCommandSuggestsTheRightOne() {
        CliTest.Run run = CliTest.run("prob", "1.2.3.4");
        assertEquals(ExitCode.BAD_USAGE, run.code());
        assertTrue(run.err().startsWith("There is no command 'prob'. Did you mean probe?"), run.err());
        assertFalse(run.err().contains("Unmatched"), run.err());
        assertTrue(CliTest.run("serv").err().contains("Did you mean serve?"));
        assertTrue(CliTest.run("vpn.example.com").err().contains("To test a server: sstp-doctor probe vpn.example.com"));
    }

    @Test
    void helpForACommandThatDoesNotExistSaysSo() {
        CliTest.Run run = CliTest.run("exporterz", "--help");
        assertEquals(ExitCode.BAD_USAGE, run.code());
        assertTrue(run.err().startsWith("There is no command 'exporterz'."), run.err());
        assertEquals("", run.out(), "not the general help");
        CliTest.Run bogus = CliTest.run("bogus", "--help");
        assertEquals(ExitCode.BAD_USAGE, bogus.code());
        assertEquals(0, CliTest.run("probe", "--help").code());
    }

    @Test
    void tableValuesStartUnderTheirHeaders() {
        CliTest.Run run = CliTest.run("probe", "localhost:9", "nosuch name", "--format", "table", "--timeout", "1s",
                "--proxy", "none");
        List<String> lines = run.out().lines().toList();
        String header = lines.get(0);
        assertEquals(TableReport.header(), header);
        for (String row : lines.subList(1, lines.size())) {
            for (String column : List.of("VERDICT", "OUTCOME", "ANSWERED BY", "DETAIL")) {
                int at = header.indexOf(column);
                assertTrue(row.charAt(at) != ' ' && row.charAt(at - 1) == ' ', column + " misaligned:\n" + header + "\n" + row);
            }
        }
    }

    @Test
    void oneServerIsOneServer() {
        CliTest.Run run = CliTest.run("probe", "localhost:9", "--format", "table", "--timeout", "1s", "--proxy", "none");
        assertTrue(run.err().contains("1 server: 0 reachable"), run.err());
    }
}
