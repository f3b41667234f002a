package org.sstpdoctor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The wizard's class-data-sharing archive, {@code target/sstp-doctor.jsa}, made by the build beside the
 * command line's ({@link StartupArchive}). A dynamic archive ({@code -XX:ArchiveClassesAtExit}) of a child
 * JVM with JavaFX on the module path, as the launcher {@code target/sstp-doctor} starts the wizard. The
 * child runs the command line's training, loads every class the wizard may use (without initialising
 * them, so without a display), and, when the build machine has Xvfb, starts the wizard on a display of
 * the build's own, where it paints its first page and loads the next pages before it exits
 * ({@code ui.FirstPaintTraining}). Only that run reaches what the first paint itself loads and makes:
 * the JDK's XML parser for the FXML, the CSS parser's work, the GTK toolkit's and the renderer's start
 * and the hundreds of lambdas JavaFX makes on the way, which an archive keeps ready. Without Xvfb (CI,
 * Windows, macOS) the archive holds the classes only; no window ever opens on a real screen.
 */
final class WizardArchive {
    /** The child's argument: classes only, or with the first paint on the display in DISPLAY. */
    static final String CLASSES_ONLY = "--train-wizard";
    static final String ON_DISPLAY = "--train-wizard-on-display";

    private WizardArchive() {
    }

    static boolean isTraining(String arg) {
        return arg.equals(CLASSES_ONLY) || arg.equals(ON_DISPLAY);
    }

    /**
     * Makes the archive in {@code dir} for the wizard's runtime ({@link WizardRuntime}), or, without
     * one, for this {@code java} with JavaFX on the module path; returns the runtime used, if any.
     */
    static Optional<Path> make(Path java, Path jar, Path dir) throws Exception {
        Path wizard = dir.resolve(StartupArchive.WIZARD_ARCHIVE);
        Optional<Path> runtime = WizardRuntime.linked(dir);
        List<String> options = new java.util.ArrayList<>();
        if (runtime.isEmpty()) {
            options.addAll(List.of("--module-path", dir.resolve("javafx").toString(), "--add-modules", StartupArchive.FX_MODULES));
        }
        // What the jar's manifest grants ControlsFX when started with -jar, as the launcher does.
        options.addAll(manifestAccess(jar));
        Path trainer = runtime.map(WizardRuntime::java).orElse(java);
        Optional<PrivateDisplay> display = PrivateDisplay.start(System.getProperty("os.name", ""), System.getenv("PATH"));
        // Settings, history and caches the wizard might write go to a folder of the training's own.
        Path home = Files.createTempDirectory("sstp-doctor-training-config");
        try {
            StartupArchive.record(trainer, jar, "-XX:ArchiveClassesAtExit=" + wizard, options,
                    display.isPresent() ? ON_DISPLAY : CLASSES_ONLY, wizard, child -> {
                        // The builder's own screen is never used: only the build's display, or none.
                        child.environment().keySet().removeAll(List.of("DISPLAY", "WAYLAND_DISPLAY"));
                        display.ifPresent(d -> child.environment().put("DISPLAY", d.name()));
                        for (String xdg : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")) {
                            child.environment().put(xdg, home.toString());
                        }
                    });
        } finally {
            display.ifPresent(PrivateDisplay::close);
            try (var files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        if (display.isEmpty()) {
            System.out.println("startup archive: no Xvfb, so the wizard's archive holds its classes loaded without a window"
                    + " (apt-get install xvfb, then ./mvnw package, for one trained on a first paint)");
        }
        return runtime;
    }

    /**
     * The jar manifest's {@code Add-Exports} and {@code Add-Opens} as options: the training child is
     * started with {@code -cp}, where the JVM reads neither, and without them ControlsFX cannot reach
     * the JavaFX internals the address page's auto-completion uses.
     */
    static List<String> manifestAccess(Path jar) throws IOException {
        List<String> options = new java.util.ArrayList<>();
        try (var file = new java.util.jar.JarFile(jar.toFile())) {
            var attributes = file.getManifest() == null ? new java.util.jar.Attributes() : file.getManifest().getMainAttributes();
            for (String[] kind : new String[][] {{"Add-Exports", "--add-exports="}, {"Add-Opens", "--add-opens="}}) {
                String value = attributes.getValue(kind[0]);
                for (String modulePackage : value == null ? new String[0] : value.trim().split("\\s+")) {
                    if (!modulePackage.isEmpty()) {
                        options.add(kind[1] + modulePackage + "=ALL-UNNAMED");
                    }
                }
            }
        }
        return options;
    }

    /** In the child: the wizard's part of the training, after the command line's. */
    static void train(String how) throws IOException {
        loadWizardClasses();
        if (how.equals(ON_DISPLAY)) {
            System.out.println("startup archive: the wizard on the build's own display (Xvfb): " + org.sstpdoctor.ui.FirstPaintTraining.run());
        }
    }

    /**
     * Loads, without initialising them (so without a display), the classes the wizard uses: every
     * class of the JavaFX modules it starts with and of ControlsFX, except other platforms' (Windows,
     * macOS, iOS, Android, Monocle, Direct3D), and the app's own {@code ui} package. That is more than
     * the first page needs, but it is known without opening a window: what the archive holds when the
     * build has no display, and the later pages' classes when it has one.
     */
    private static void loadWizardClasses() throws IOException {
        ClassLoader loader = WizardArchive.class.getClassLoader();
        int loaded = 0;
        for (String module : List.of("javafx.base", "javafx.graphics", "javafx.controls", "javafx.fxml")) {
            Optional<Module> found = ModuleLayer.boot().findModule(module);
            if (found.isEmpty()) {
                continue;
            }
            try (var reader = ModuleLayer.boot().configuration().findModule(module).orElseThrow().reference().open()) {
                loaded += loadAll(reader.list().toList(), found.get().getClassLoader());
            }
        }
        for (String inJar : List.of(WizardArchive.class.getName(), "org.controlsfx.control.textfield.TextFields")) {
            Path jar;
            try {
                jar = Path.of(Class.forName(inJar, false, loader).getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (ClassNotFoundException | java.net.URISyntaxException e) {
                continue;
            }
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                loaded += loadAll(zip.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(n -> !n.startsWith("org/sstpdoctor/") || n.startsWith("org/sstpdoctor/ui/")).toList(), loader);
            }
        }
        System.out.println("startup archive: " + loaded + " wizard classes loaded");
    }

    private static int loadAll(List<String> entries, ClassLoader loader) {
        int loaded = 0;
        for (String entry : entries) {
            if (!entry.endsWith(".class") || entry.endsWith("module-info.class") || entry.startsWith("META-INF/")
                    || OTHER_PLATFORMS.matcher(entry).find()) {
                continue;
            }
            try {
                Class.forName(entry.substring(0, entry.length() - 6).replace('/', '.'), false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // a class for a configuration this machine lacks: not needed here either
            }
        }
        return loaded;
    }

    private static final Pattern OTHER_PLATFORMS = Pattern.compile(
            "^com/sun/(glass/ui/(win|mac|ios|android|monocle)|prism/d3d|javafx/webkit)/");
}
