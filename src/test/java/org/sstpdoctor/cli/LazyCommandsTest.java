package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** picocli is given only the command a run needs; the help still lists them all. */
class LazyCommandsTest {
    @Test
    void eachCommandIsRegisteredUnderItsOwnAnnotatedName() {
        SstpDoctorCli.COMMANDS.forEach((name, cls) ->
                assertEquals(name, cls.getAnnotation(CommandLine.Command.class).name(), cls.getName()));
    }

    @Test
    void aRunThatNamesACommandGetsOnlyThatOne() {
        assertEquals(Map.of("probe", ProbeCommand.class), SstpDoctorCli.commandsFor("probe", "vpn.example.com"));
        assertEquals(Map.of("lookup", LookupCommand.class), SstpDoctorCli.commandsFor("lookup", "407"));
    }

    @Test
    void helpOptionsBeforeTheCommandAndTyposGetThemAll() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "probe"},
                new String[] {"--debug", "probe", "x"}, new String[] {"prob", "x"})) {
            assertEquals(SstpDoctorCli.COMMANDS, SstpDoctorCli.commandsFor(args), String.join(" ", args));
        }
    }

    @Test
    void theGeneralHelpListsEveryCommand() {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(text);
        CliContext context = new CliContext(org.sstpdoctor.probe.okhttp.OkHttpProbes::standard, Map.of(),
                java.io.InputStream.nullInputStream(), false, System.getProperty("java.io.tmpdir"));
        assertEquals(0, SstpDoctorCli.execute(context, out, out, "--help"));
        for (String name : SstpDoctorCli.COMMANDS.keySet()) {
            assertEquals(true, text.toString().contains("  " + name + " "), name + " in:\n" + text);
        }
    }
}
