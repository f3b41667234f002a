package org.sstpdoctor.ui;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.kb.SiteOverrides;
import org.sstpdoctor.probe.SstpProbe;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.settings.CredentialStore;
import org.sstpdoctor.settings.SettingsStore;

/**
 * The desktop application: the wizard in one window. Knowledge base and settings are read in
 * {@link #init()}, on the launcher thread, so the FX thread only builds and shows the window.
 */
public final class DesktopApp extends Application {
    /** Set to true to print the time from process start to the first painted frame, then exit (benchmarks). */
    public static final String MEASURE_STARTUP = "sstpdoctor.measureStartup";

    private AppServices services;
    private String problems = "";
    private WizardController wizard;

    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void init() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        var overridesFile = SiteOverrides.defaultLocation(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", ""));
        Set<String> ids = kb.entries().stream().map(KbEntry::id).collect(Collectors.toSet());
        SiteOverrides overrides = SiteOverrides.load(overridesFile, ids);
        if (!overrides.problems().isEmpty()) {
            problems = overrides.problems().get(0);
        }
        SettingsStore store = SettingsStore.ofThisUser();
        var settings = store.load();
        String settingsProblem = store.lastProblem().orElse(problems);
        services = new AppServices(kb.withOverrides(overrides), new SstpProbe(), store, settings, settingsProblem,
                CredentialStore.forThisComputer(), url -> getHostServices().showDocument(url));
    }

    @Override
    public void start(Stage stage) throws Exception {
        FXMLLoader loader = new FXMLLoader(DesktopApp.class.getResource("wizard.fxml"), Texts.bundle());
        Parent root = loader.load();
        wizard = loader.getController();
        wizard.init(services);
        stage.setScene(styledScene(root));
        stage.setTitle(Texts.get("app.title"));
        stage.getIcons().addAll(icons());
        stage.setMinWidth(560);
        stage.setMinHeight(480);
        stage.show();
        applyParameters(getParameters().getRaw());
        if (Boolean.getBoolean(MEASURE_STARTUP)) {
            reportFirstPaint();
        }
    }

    /** The scene with the application's style sheet; tests build their windows the same way. */
    public static Scene styledScene(Parent root) {
        Scene scene = new Scene(root);
        scene.getStylesheets().add(DesktopApp.class.getResource("sstp-doctor.css").toExternalForm());
        return scene;
    }

    private static List<Image> icons() {
        return List.of(16, 32, 48, 256).stream()
                .map(size -> DesktopApp.class.getResource("icons/sstp-doctor-" + size + ".png"))
                .filter(java.util.Objects::nonNull)
                .map(url -> new Image(url.toExternalForm()))
                .toList();
    }

    private void applyParameters(List<String> raw) {
        for (String arg : raw) {
            if (arg.equals("--practice")) {
                wizard.startPractice(Scenario.WORKING);
            } else if (arg.startsWith("--practice=")) {
                Scenario.fromId(arg.substring("--practice=".length())).ifPresentOrElse(wizard::startPractice,
                        () -> wizard.startPractice(Scenario.WORKING));
            }
        }
    }

    @Override
    public void stop() {
        if (wizard != null) {
            wizard.shutdown();
        }
    }

    private static void reportFirstPaint() {
        // The second animation pulse after show() comes once the first frame has been rendered.
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("first-paint-ms=" + (System.currentTimeMillis() - started));
                    System.out.flush();
                    javafx.application.Platform.exit();
                }
            }
        }.start();
    }
}
