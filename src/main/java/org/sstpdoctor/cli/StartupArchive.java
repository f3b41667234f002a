package org.sstpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sstpdoctor.responder.ResponderCertificates;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;

/**
 * Made by the build ({@code ./mvnw package}, execution {@code startup-archive} in pom.xml), never at
 * the app's start: the class-data-sharing archive {@code target/sstp-doctor.jsa} and the launchers
 * {@code target/sstp-doctor} (POSIX shell) and {@code target/sstp-doctor.cmd} (Windows) that use it.
 *
 * <p>The archive holds the classes the command line loads (the JDK's own are in the JDK's base
 * archive): a child JVM runs {@code --train} with {@code -XX:ArchiveClassesAtExit}, which probes the
 * built-in responder (a working server and a Nak, text and JSON), looks codes up and prints the help,
 * all in one process. A JVM uses an archive only with the same JVM and the same jar files at the same
 * path, so the launchers name the very {@code java} that made it and the jar beside them; with
 * anything else the JVM just starts without it ({@code -Xlog:cds*=off} keeps it quiet about that).
 */
public final class StartupArchive {
    /** JVM options for a short-lived process: C1 only, the serial collector, no perf-data file. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");
    /** JavaFX from target/javafx as modules, as the README's run command loads it (copy-javafx-modules in pom.xml). */
    static final String FX_MODULES = "javafx.controls,javafx.fxml";

    private StartupArchive() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--train")) {
            train();
            return;
        }
        Path jar = Path.of(StartupArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
        if (!Files.isRegularFile(jar)) {
            System.err.println("startup archive: not made (run from " + jar + ", not from the jar)");
            return;
        }
        Path dir = jar.getParent();
        Path archive = dir.resolve("sstp-doctor.jsa");
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toRealPath();
        Files.deleteIfExists(archive);
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:ArchiveClassesAtExit=" + archive));
        command.addAll(JVM_OPTIONS);
        // The same module path as the launchers: an archive is only used with the paths it was made with.
        command.addAll(List.of("--module-path", dir.resolve("javafx").toString(), "--add-modules", FX_MODULES));
        command.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-cp", jar.toString(),
                StartupArchive.class.getName(), "--train"));
        Process training = new ProcessBuilder(command).inheritIO().start();
        if (!training.waitFor(180, TimeUnit.SECONDS)) {
            training.destroyForcibly();
            throw new IllegalStateException("startup archive: the training run took over 3 minutes");
        }
        if (training.exitValue() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("startup archive: the training run failed (exit " + training.exitValue() + ")");
        }
        writeLaunchers(dir, java, jar.getFileName().toString(), archive.getFileName().toString());
        System.out.printf("startup archive: %s (%d MB); launchers %s and %s%n", archive,
                Files.size(archive) / 1_000_000, dir.resolve("sstp-doctor"), dir.resolve("sstp-doctor.cmd"));
    }

    static void writeLaunchers(Path dir, Path java, String jarName, String archiveName) throws IOException {
        String options = String.join(" ", JVM_OPTIONS) + " -Xshare:auto -Xlog:cds*=off";
        Path sh = dir.resolve("sstp-doctor");
        Files.writeString(sh, String.join("\n",
                "#!/bin/sh",
                "# SSTP Doctor from this build, started with the class-data-sharing archive the build made",
                "# (written by ./mvnw package: org.sstpdoctor.cli.StartupArchive). The README's run command: JavaFX",
                "# as modules from javafx/ beside it. The archive only works with the java that made it, named here.",
                "HERE=$(cd \"$(dirname \"$0\")\" && pwd -P)",
                "JAVA=" + shellQuote(java.toString()),
                "[ -x \"$JAVA\" ] || JAVA=java",
                "exec \"$JAVA\" -XX:SharedArchiveFile=\"$HERE/" + archiveName + "\" " + options
                        + " --module-path \"$HERE/javafx\" --add-modules " + FX_MODULES
                        + " -jar \"$HERE/" + jarName + "\" \"$@\"",
                ""), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Windows: the .cmd below is the launcher there
        }
        Files.writeString(dir.resolve("sstp-doctor.cmd"), String.join("\r\n",
                "@echo off",
                "rem SSTP Doctor from this build, started with the class-data-sharing archive the build made",
                "rem (written by mvnw package: org.sstpdoctor.cli.StartupArchive). Same as java -jar " + jarName + ".",
                "setlocal",
                "set \"JAVA=" + java + "\"",
                "if not exist \"%JAVA%\" set \"JAVA=java\"",
                "\"%JAVA%\" -XX:SharedArchiveFile=\"%~dp0" + archiveName + "\" " + options
                        + " --module-path \"%~dp0javafx\" --add-modules " + FX_MODULES
                        + " -jar \"%~dp0" + jarName + "\" %*",
                "exit /b %ERRORLEVEL%",
                ""), StandardCharsets.UTF_8);
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    /** The commands whose classes go into the archive, run once each in this JVM. */
    private static void train() throws Exception {
        Warmup.startFor(new String[] {"probe"});
        ResponderCertificates certificates = ResponderCertificates.loopback();
        // A home of its own, so the probes' history goes there and not into the builder's config folder.
        Path home = Files.createTempDirectory("sstp-doctor-training-home");
        Path ca = home.resolve("ca.pem");
        try {
            Files.writeString(ca, certificates.caPem(), StandardCharsets.US_ASCII);
            for (Scenario scenario : List.of(Scenario.WORKING, Scenario.NAK)) {
                try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(scenario,
                        certificates.serverContext()))) {
                    String address = "localhost:" + responder.port();
                    run(home, "probe", address, "--proxy", "none", "--trust-ca", ca.toString());
                    run(home, "probe", address, "--proxy", "none", "--trust-ca", ca.toString(), "--json");
                }
            }
            run(home, "lookup", "407");
            run(home, "lookup", "certificate expired");
            run(home, "--version");
            run(home, "--help");
            run(home, "serve", "--list-scenarios");
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void run(Path home, String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        CliContext context = new CliContext(org.sstpdoctor.probe.okhttp.OkHttpProbes::standard, Map.of(),
                java.io.InputStream.nullInputStream(), false, home.toString());
        SstpDoctorCli.execute(context, nowhere, nowhere, args);
    }
}
