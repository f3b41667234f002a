package org.sstpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.spi.ToolProvider;

/**
 * The wizard's Java runtime, {@code target/runtime}: this JDK's modules with JavaFX's linked in by
 * {@code jlink}, as the installers build theirs. With JavaFX among the runtime's own modules the wizard
 * starts without {@code --module-path}, and then the JVM takes the whole module graph ready-made from
 * the runtime's class-data-sharing archive ({@code --generate-cds-archive}) instead of resolving the
 * JDK's and JavaFX's modules at every start, which a module path forces. JavaFX's native libraries
 * go into the runtime's library folder, where JavaFX loads them directly (from its jars it would first
 * compare each with a copy in {@code ~/.openjfx/cache}, at every start).
 *
 * <p>Linked again only when this JDK or the JavaFX jars change. Without {@code jlink} or the JDK's
 * {@code jmods} (some JDK builds leave them out) there is no runtime, and the launcher starts the
 * wizard with this JDK and JavaFX on the module path.
 */
final class WizardRuntime {
    static final String FOLDER = "runtime";
    /**
     * What the wizard may use of the JDK: all of Java SE, elliptic-curve and PKCS#11 crypto for TLS,
     * every locale's data and charset (as the full JDK), DNS for JNDI, the management and
     * network extensions, {@code sun.misc.Unsafe} for JavaFX and okio, zip file systems; and JavaFX.
     */
    static final List<String> MODULES = List.of("java.se", "jdk.crypto.ec", "jdk.crypto.cryptoki", "jdk.localedata",
            "jdk.charsets", "jdk.naming.dns", "jdk.net", "jdk.management", "jdk.unsupported", "jdk.zipfs",
            "jdk.httpserver", "javafx.controls", "javafx.fxml");
    private static final String STAMP = "sstp-doctor-runtime.txt";

    private WizardRuntime() {
    }

    /** The runtime in {@code dir}/runtime, linked if it is missing or out of date; empty when it cannot be. */
    static Optional<Path> linked(Path dir) throws IOException {
        Path runtime = dir.resolve(FOLDER);
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        Optional<ToolProvider> jlink = ToolProvider.findFirst("jlink");
        List<Path> javafx = modularJars(dir.resolve("javafx"));
        if (jlink.isEmpty() || !Files.isDirectory(jmods) || javafx.isEmpty()) {
            System.out.println("startup archive: no wizard runtime (this JDK has no " + (jlink.isEmpty() ? "jlink" : "jmods")
                    + "): the wizard starts with JavaFX on the module path");
            deleteTree(runtime);
            return Optional.empty();
        }
        String stamp = stamp(javafx);
        Path stampFile = runtime.resolve(STAMP);
        if (Files.isRegularFile(stampFile) && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)) {
            return Optional.of(runtime);
        }
        deleteTree(runtime);
        List<String> modulePath = new ArrayList<>(List.of(jmods.toString()));
        javafx.forEach(j -> modulePath.add(j.toString()));
        StringWriter said = new StringWriter();
        PrintWriter out = new PrintWriter(said);
        int code = jlink.get().run(out, out, "--module-path", String.join(java.io.File.pathSeparator, modulePath),
                "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-header-files", "--no-man-pages",
                "--generate-cds-archive", "--output", runtime.toString());
        if (code != 0) {
            System.out.println("startup archive: jlink failed (" + said.toString().strip().lines().findFirst().orElse("exit " + code)
                    + "): the wizard starts with JavaFX on the module path");
            deleteTree(runtime);
            return Optional.empty();
        }
        // The archive for heaps over 32 GB (compressed oops off): 10 MB a wizard never uses.
        Files.deleteIfExists(runtime.resolve("lib").resolve("server").resolve("classes_nocoops.jsa"));
        copyNatives(javafx, runtime);
        Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        return Optional.of(runtime);
    }

    /** The runtime's java (java.exe on Windows). */
    static Path java(Path runtime) {
        return runtime.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    }

    /** JavaFX's platform jars, which are modules; the empty classifier-less jars beside them are not. */
    private static List<Path> modularJars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                    if (zip.getEntry("module-info.class") != null) {
                        jars.add(jar);
                    }
                }
            }
        }
        return jars;
    }

    /** Where JavaFX looks first in a runtime image: lib (bin on Windows), beside the JDK's own libraries. */
    private static void copyNatives(List<Path> javafx, Path runtime) throws IOException {
        Path into = runtime.resolve(isWindows() ? "bin" : "lib");
        for (Path jar : javafx) {
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (!name.contains("/") && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"))) {
                        try (var in = zip.getInputStream(entry)) {
                            Files.copy(in, into.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        }
    }

    /** This JDK and the JavaFX jars (names and sizes: a version is in the name): when any changes, it is linked again. */
    private static String stamp(List<Path> javafx) throws IOException {
        StringBuilder s = new StringBuilder(System.getProperty("java.home")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n').append(String.join(",", MODULES)).append('\n');
        for (Path jar : javafx) {
            s.append(jar.getFileName()).append(' ').append(Files.size(jar)).append('\n');
        }
        return s.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                f.toFile().setWritable(true);
                Files.delete(f);
            }
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
