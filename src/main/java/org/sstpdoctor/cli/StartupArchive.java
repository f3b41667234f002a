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
import org.sstpdoctor.responder.PracticePki;
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
    /** The command line's archive (class path only) and the wizard's (JavaFX as modules), beside the jar. */
    static final String CLI_ARCHIVE = "sstp-doctor-cli.jsa";
    static final String WIZARD_ARCHIVE = "sstp-doctor.jsa";

    private StartupArchive() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--train")) {
            train();
            return;
        }
        if (args.length == 1 && WizardArchive.isTraining(args[0])) {
            train();
            WizardArchive.train(args[0]);
            return;
        }
        Path jar = Path.of(StartupArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
        if (!Files.isRegularFile(jar)) {
            System.err.println("startup archive: not made (run from " + jar + ", not from the jar)");
            return;
        }
        Path dir = jar.getParent();
        unsign(dir.resolve("lib"));
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toRealPath();
        // The command line's: its class path only (no JavaFX module path, whose resolution alone costs
        // more than a whole "hello world"), trained by the commands themselves.
        // A static archive (class list, then -Xshare:dump): unlike a dynamic one it can hold picocli's
        // classes, whose class-file version (Java 5) JDK 17 archives only this way.
        Path cli = dir.resolve(CLI_ARCHIVE);
        Path classList = dir.resolve("sstp-doctor-cli.classlist");
        record(java, jar, "-XX:DumpLoadedClassList=" + classList, List.of(), "--train", classList);
        Files.write(classList, archivable(Files.readAllLines(classList, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        Files.deleteIfExists(cli);
        List<String> dump = new ArrayList<>(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + cli));
        dump.addAll(JVM_OPTIONS);
        dump.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-cp", jar.toString()));
        // The dump's own "Preload Warning: Cannot find ..." lines (a training class it cannot see) are not errors.
        runChild(new ProcessBuilder(dump).redirectOutput(ProcessBuilder.Redirect.DISCARD), "-Xshare:dump", cli);
        Files.deleteIfExists(classList);
        // The wizard's: with JavaFX as modules, as the launchers start it (WizardArchive).
        boolean wizardRuntime = WizardArchive.make(java, jar, dir).isPresent();
        Path wizard = dir.resolve(WIZARD_ARCHIVE);
        writeLaunchers(dir, java, jar.getFileName().toString(), wizardRuntime);
        System.out.printf("startup archives: %s (%d MB), %s (%d MB); launchers %s and %s%n", cli, Files.size(cli) / 1_000_000,
                wizard, Files.size(wizard) / 1_000_000, dir.resolve("sstp-doctor"), dir.resolve("sstp-doctor.cmd"));
    }

    /**
     * The class list without the lambdas that involve a picocli type. picocli's class files are Java
     * 5's; JDK 17's dump links the classes a {@code @lambda-proxy} line names in order to make the
     * lambda's class, and it leaves out of the archive every old class it had to link ("Skipping
     * picocli/CommandLine: Old class has been linked"), so one such line costs the archive picocli's
     * largest class and its subclasses. Such a lambda is made at run time instead, as without an archive.
     * installers/build.sh applies the same rule to the installed package's list.
     */
    static List<String> archivable(List<String> classList) {
        return classList.stream().filter(line -> !(line.startsWith("@lambda-proxy") && line.contains("picocli/"))).toList();
    }

    /**
     * Takes the signature files out of the jars in {@code lib} (BouncyCastle's): a JVM checks a signed
     * jar's digests as it loads each class, which took over half of the revocation check's time in a
     * fresh JVM, and class-data sharing never archives classes from a signed jar. Nothing here relies
     * on the signatures: BouncyCastle is used as a library, never registered as a JCE provider (the
     * one use a signature serves, and only on Oracle's JDK). The jars come from Maven Central, whose
     * checksums Maven has checked.
     */
    static void unsign(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            return;
        }
        try (var jars = Files.list(lib)) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                unsignJar(jar);
            }
        }
    }

    private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern.compile(
            "(?i)^META-INF/[^/]+\\.(SF|RSA|DSA|EC)$|^META-INF/SIG-[^/]+$");

    private static void unsignJar(Path jar) throws IOException {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            if (zip.stream().noneMatch(e -> SIGNATURE.matcher(e.getName()).find())) {
                return;
            }
            Path unsigned = jar.resolveSibling(jar.getFileName() + ".unsigned");
            try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(unsigned))) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    if (SIGNATURE.matcher(entry.getName()).find()) {
                        continue;
                    }
                    var copy = new java.util.zip.ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    try (var in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(unsigned, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** One training run in a child JVM with {@code recording} (what it writes at its exit: {@code made}). */
    private static void record(Path java, Path jar, String recording, List<String> modulePath, String training, Path made)
            throws Exception {
        record(java, jar, recording, modulePath, training, made, builder -> { });
    }

    /** The same, with the child's environment set by {@code environment}. */
    static void record(Path java, Path jar, String recording, List<String> modulePath, String training, Path made,
                       java.util.function.Consumer<ProcessBuilder> environment) throws Exception {
        Files.deleteIfExists(made);
        List<String> command = new ArrayList<>(List.of(java.toString(), recording));
        command.addAll(JVM_OPTIONS);
        // The same module path as the launchers: an archive is only used with the paths it was made with.
        command.addAll(modulePath);
        command.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-cp", jar.toString(),
                StartupArchive.class.getName(), training));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        environment.accept(builder);
        runChild(builder, "the training run " + training, made);
    }

    private static void runChild(ProcessBuilder builder, String what, Path made) throws Exception {
        Process run = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!run.waitFor(180, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new IllegalStateException("startup archive: " + what + " took over 3 minutes");
        }
        if (run.exitValue() != 0 || !Files.isRegularFile(made)) {
            throw new IllegalStateException("startup archive: " + what + " failed (exit " + run.exitValue() + ", no " + made + ")");
        }
    }

    static void writeLaunchers(Path dir, Path java, String jarName) throws IOException {
        writeLaunchers(dir, java, jarName, false);
    }

    /**
     * With {@code wizardRuntime} the wizard starts with the runtime the build linked for it
     * ({@link WizardRuntime}, JavaFX inside) when it is there, else as without: this java, JavaFX as modules.
     */
    static void writeLaunchers(Path dir, Path java, String jarName, boolean wizardRuntime) throws IOException {
        String options = String.join(" ", JVM_OPTIONS) + " -Xshare:auto -Xlog:cds*=off";
        Path sh = dir.resolve("sstp-doctor");
        Files.writeString(sh, String.join("\n",
                "#!/bin/sh",
                "# SSTP Doctor from this build, started with the class-data-sharing archives the build made",
                "# (written by ./mvnw package: org.sstpdoctor.cli.StartupArchive). The README's run command. An archive",
                "# only works with the java that made it, named here, and the same class and module paths.",
                "HERE=$(cd \"$(dirname \"$0\")\" && pwd -P)",
                "JAVA=" + shellQuote(java.toString()),
                "[ -x \"$JAVA\" ] || JAVA=java",
                "# The wizard (no arguments, or only --practice[=NAME] and --debug[=FILE], as ui.GuiLauncher.isWizard",
                "# decides) loads JavaFX as modules from javafx/; the command line needs no JavaFX.",
                "WIZARD=yes",
                "for a in \"$@\"; do case \"$a\" in --practice|--practice=*|--debug|--debug=*) ;; *) WIZARD=no ;; esac; done",
                "if [ \"$WIZARD\" = yes ]; then",
                wizardRuntime ? "  # Its own runtime, JavaFX linked in: no module path to resolve, the module graph archived.\n"
                        + "  [ -x \"$HERE/" + WizardRuntime.FOLDER + "/bin/java\" ] && exec \"$HERE/" + WizardRuntime.FOLDER
                        + "/bin/java\" -XX:SharedArchiveFile=\"$HERE/" + WIZARD_ARCHIVE + "\" " + options
                        + " -jar \"$HERE/" + jarName + "\" \"$@\"" : "  # JavaFX as modules from javafx/.",
                "  exec \"$JAVA\" -XX:SharedArchiveFile=\"$HERE/" + WIZARD_ARCHIVE + "\" " + options
                        + " --module-path \"$HERE/javafx\" --add-modules " + FX_MODULES
                        + " -jar \"$HERE/" + jarName + "\" \"$@\"",
                "fi",
                "exec \"$JAVA\" -XX:SharedArchiveFile=\"$HERE/" + CLI_ARCHIVE + "\" " + options
                        + " -jar \"$HERE/" + jarName + "\" \"$@\"",
                ""), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Windows: the .cmd below is the launcher there
        }
        // cmd.exe has no simple loop over the arguments: the first one decides (none, --practice..., --debug...).
        Files.writeString(dir.resolve("sstp-doctor.cmd"), String.join("\r\n",
                "@echo off",
                "rem SSTP Doctor from this build, started with the class-data-sharing archives the build made",
                "rem (written by mvnw package: org.sstpdoctor.cli.StartupArchive). Same as java -jar " + jarName + ".",
                "setlocal",
                "set \"JAVA=" + java + "\"",
                "if not exist \"%JAVA%\" set \"JAVA=java\"",
                "set \"FIRST=%~1\"",
                "if \"%FIRST%\"==\"\" goto wizard",
                "if \"%FIRST:~0,10%\"==\"--practice\" goto wizard",
                "if \"%FIRST:~0,7%\"==\"--debug\" goto wizard",
                "\"%JAVA%\" -XX:SharedArchiveFile=\"%~dp0" + CLI_ARCHIVE + "\" " + options
                        + " -jar \"%~dp0" + jarName + "\" %*",
                "exit /b %ERRORLEVEL%",
                ":wizard",
                wizardRuntime ? "if exist \"%~dp0" + WizardRuntime.FOLDER + "\\bin\\java.exe\" goto wizardruntime" : "rem JavaFX as modules",
                "\"%JAVA%\" -XX:SharedArchiveFile=\"%~dp0" + WIZARD_ARCHIVE + "\" " + options
                        + " --module-path \"%~dp0javafx\" --add-modules " + FX_MODULES
                        + " -jar \"%~dp0" + jarName + "\" %*",
                "exit /b %ERRORLEVEL%",
                wizardRuntime ? ":wizardruntime\r\n\"%~dp0" + WizardRuntime.FOLDER + "\\bin\\java.exe\" -XX:SharedArchiveFile=\"%~dp0"
                        + WIZARD_ARCHIVE + "\" " + options + " -jar \"%~dp0" + jarName + "\" %*\r\nexit /b %ERRORLEVEL%" : "",
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
        org.sstpdoctor.Main.opensTheWizard(new String[] {"probe"}); // Main's own classes, as a run starts
        Warmup.startFor(new String[] {"probe"});
        // As `serve` runs it: the practice CA publishes a CRL and an OCSP responder on loopback, so the
        // probes take the revocation check's path too.
        // A home of its own, so the probes' history goes there and not into the builder's config folder.
        Path home = Files.createTempDirectory("sstp-doctor-training-home");
        Path ca = home.resolve("ca.pem");
        try (PracticePki pki = PracticePki.start()) {
            Files.writeString(ca, pki.caPem(), StandardCharsets.US_ASCII);
            for (Scenario scenario : List.of(Scenario.WORKING, Scenario.NAK)) {
                try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(scenario,
                        pki.serverContext(scenario, PracticePki.LOOPBACK_NAMES)))) {
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
