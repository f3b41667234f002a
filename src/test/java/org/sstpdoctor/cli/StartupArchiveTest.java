package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launchers the build writes beside the jar (target/sstp-doctor, target/sstp-doctor.cmd). */
class StartupArchiveTest {
    @TempDir
    Path dir;

    @Test
    void shellLauncherUsesTheArchiveTheJarAndTheJavaBesideIt() throws Exception {
        StartupArchive.writeLaunchers(dir, Path.of("/opt/it's java/bin/java"), "sstp-doctor.jar");
        String sh = Files.readString(dir.resolve("sstp-doctor"));
        assertTrue(sh.startsWith("#!/bin/sh\n"), sh);
        // the path is single-quoted, with the quote inside it escaped for sh
        assertTrue(sh.contains("JAVA='/opt/it'\\''s java/bin/java'\n"), sh);
        assertTrue(sh.contains("[ -x \"$JAVA\" ] || JAVA=java\n"), sh);
        List<String> exec = sh.lines().map(String::strip).filter(l -> l.startsWith("exec ")).toList();
        assertEquals(List.of(
                // the wizard: JavaFX as modules, with the wizard's archive
                "exec \"$JAVA\" -XX:SharedArchiveFile=\"$HERE/sstp-doctor.jsa\" -XX:TieredStopAtLevel=1"
                        + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off --module-path \"$HERE/javafx\""
                        + " --add-modules javafx.controls,javafx.fxml -jar \"$HERE/sstp-doctor.jar\" \"$@\"",
                // the command line: no JavaFX, its own archive
                "exec \"$JAVA\" -XX:SharedArchiveFile=\"$HERE/sstp-doctor-cli.jsa\" -XX:TieredStopAtLevel=1"
                        + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off"
                        + " -jar \"$HERE/sstp-doctor.jar\" \"$@\""), exec);
        assertTrue(sh.contains("--practice|--practice=*|--debug|--debug=*) ;;"), sh);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertTrue(Files.isExecutable(dir.resolve("sstp-doctor")));
        }
    }

    /** The shell launcher's choice is ui.GuiLauncher.isWizard's, run by sh itself. */
    @Test
    void shellLauncherOpensTheWizardForTheSameArgumentsAsMain() throws Exception {
        StartupArchive.writeLaunchers(dir, Path.of("/no/such/java"), "sstp-doctor.jar");
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return; // Windows: the .cmd is checked below
        }
        // The launcher's exec replaced by a print of which branch it took.
        String sh = Files.readString(dir.resolve("sstp-doctor"))
                .replaceAll("(?m)^( *)exec .*--module-path.*$", "$1echo wizard; exit 0")
                .replaceAll("(?m)^exec .*$", "echo cli");
        Path probe = dir.resolve("which.sh");
        Files.writeString(probe, sh);
        for (List<String> args : List.of(List.<String>of(), List.of("--practice"), List.of("--practice=nak", "--debug"),
                List.of("--debug=/tmp/x"), List.of("probe", "vpn.example.com"), List.of("--version"),
                List.of("--practice", "lookup"), List.of("--debug", "probe", "x"), List.of("a b"))) {
            List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", probe.toString()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String printed = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            boolean wizard = org.sstpdoctor.ui.GuiLauncher.isWizard(args.toArray(String[]::new));
            assertEquals(wizard ? "wizard" : "cli", printed, args.toString());
        }
    }

    @Test
    void windowsLauncherUsesItsOwnFolderAndPassesTheExitCodeOn() throws Exception {
        StartupArchive.writeLaunchers(dir, Path.of("/jdk/bin/java.exe"), "sstp-doctor.jar");
        List<String> cmd = List.of(Files.readString(dir.resolve("sstp-doctor.cmd")).split("\r\n"));
        assertEquals("@echo off", cmd.get(0));
        assertTrue(cmd.contains("\"%JAVA%\" -XX:SharedArchiveFile=\"%~dp0sstp-doctor.jsa\" -XX:TieredStopAtLevel=1"
                + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off --module-path \"%~dp0javafx\""
                + " --add-modules javafx.controls,javafx.fxml -jar \"%~dp0sstp-doctor.jar\" %*"), cmd.toString());
        assertTrue(cmd.contains("\"%JAVA%\" -XX:SharedArchiveFile=\"%~dp0sstp-doctor-cli.jsa\" -XX:TieredStopAtLevel=1"
                + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off"
                + " -jar \"%~dp0sstp-doctor.jar\" %*"), cmd.toString());
        assertTrue(cmd.contains("exit /b %ERRORLEVEL%"), cmd.toString());
    }

    /** With the wizard's runtime the wizard starts with it, and with this java and JavaFX as modules if it is gone. */
    @Test
    void shellLauncherStartsTheWizardWithItsRuntimeWhenThere() throws Exception {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return; // Windows: the .cmd is checked below
        }
        Path java = dir.resolve("system-java");
        fakeJava(java, "modules");
        StartupArchive.writeLaunchers(dir, java, "sstp-doctor.jar", true);
        String sh = Files.readString(dir.resolve("sstp-doctor"));
        assertTrue(sh.contains("\n  [ -x \"$HERE/runtime/bin/java\" ] && exec \"$HERE/runtime/bin/java\""
                + " -XX:SharedArchiveFile=\"$HERE/sstp-doctor.jsa\" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
                + " -Xshare:auto -Xlog:cds*=off -jar \"$HERE/sstp-doctor.jar\" \"$@\"\n"), sh);
        assertEquals("modules -XX:SharedArchiveFile=" + dir.toRealPath().resolve("sstp-doctor.jsa") + " -XX:TieredStopAtLevel=1"
                + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off --module-path " + dir.toRealPath().resolve("javafx")
                + " --add-modules javafx.controls,javafx.fxml -jar " + dir.toRealPath().resolve("sstp-doctor.jar") + " --practice",
                launch("--practice"));
        fakeJava(Files.createDirectories(dir.resolve("runtime").resolve("bin")).resolve("java"), "runtime");
        assertEquals("runtime -XX:SharedArchiveFile=" + dir.toRealPath().resolve("sstp-doctor.jsa") + " -XX:TieredStopAtLevel=1"
                + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off -jar " + dir.toRealPath().resolve("sstp-doctor.jar")
                + " --practice", launch("--practice"));
        // The command line never uses it.
        assertTrue(launch("--version").startsWith("modules -XX:SharedArchiveFile=" + dir.toRealPath().resolve("sstp-doctor-cli.jsa")));
    }

    @Test
    void windowsLauncherStartsTheWizardWithItsRuntimeWhenThere() throws Exception {
        StartupArchive.writeLaunchers(dir, Path.of("/jdk/bin/java.exe"), "sstp-doctor.jar", true);
        List<String> cmd = List.of(Files.readString(dir.resolve("sstp-doctor.cmd")).split("\r\n"));
        int wizard = cmd.indexOf(":wizard");
        assertEquals("if exist \"%~dp0runtime\\bin\\java.exe\" goto wizardruntime", cmd.get(wizard + 1));
        int runtime = cmd.indexOf(":wizardruntime");
        assertTrue(runtime > wizard, cmd.toString());
        assertEquals("\"%~dp0runtime\\bin\\java.exe\" -XX:SharedArchiveFile=\"%~dp0sstp-doctor.jsa\" -XX:TieredStopAtLevel=1"
                + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off -jar \"%~dp0sstp-doctor.jar\" %*", cmd.get(runtime + 1));
        assertEquals("exit /b %ERRORLEVEL%", cmd.get(runtime + 2));
    }

    private String launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", dir.resolve("sstp-doctor").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return printed;
    }

    /** A stand-in for a java that prints its name and its arguments. */
    private static void fakeJava(Path at, String name) throws Exception {
        Files.writeString(at, "#!/bin/sh\necho " + name + " \"$@\"\n");
        at.toFile().setExecutable(true);
    }

    /** The dump would link picocli's Java 5 classes for these lambdas and then leave them out of the archive. */
    @Test
    void classListKeepsEveryClassButNoLambdaInvolvingPicocli() {
        String picocliHandler = "@lambda-proxy org/sstpdoctor/cli/SstpDoctorCli getExitCode ()Lpicocli/CommandLine$IExitCodeExceptionMapper;"
                + " (Ljava/lang/Throwable;)I REF_invokeStatic org/sstpdoctor/cli/SstpDoctorCli lambda$execute$0"
                + " (Ljava/lang/Throwable;)I (Ljava/lang/Throwable;)I";
        String picocliMethodReference = "@lambda-proxy org/sstpdoctor/cli/SstpDoctorCli accept (Lpicocli/CommandLine;)"
                + "Ljava/util/function/BiConsumer; (Ljava/lang/Object;Ljava/lang/Object;)V REF_invokeVirtual picocli/CommandLine"
                + " addSubcommand (Ljava/lang/String;Ljava/lang/Object;)Lpicocli/CommandLine; (Ljava/lang/String;Ljava/lang/Class;)V";
        String ordinaryLambda = "@lambda-proxy org/sstpdoctor/cli/Warmup run ()Ljava/lang/Runnable; ()V REF_invokeStatic"
                + " org/sstpdoctor/cli/Warmup tls ()V ()V";
        List<String> list = List.of("java/lang/Object id: 0", "picocli/CommandLine", "picocli/CommandLine$IExitCodeExceptionMapper",
                picocliHandler, picocliMethodReference, ordinaryLambda, "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.X");
        assertEquals(List.of("java/lang/Object id: 0", "picocli/CommandLine", "picocli/CommandLine$IExitCodeExceptionMapper",
                ordinaryLambda, "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.X"), StartupArchive.archivable(list));
    }
}
