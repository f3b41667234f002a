package org.sstpdoctor.ui;

import java.util.List;
import java.util.Set;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.kb.SiteOverrides;
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
    /**
     * With {@link #MEASURE_STARTUP}: after the first paint, also load the next pages, as the app does a
     * moment after its first frames, before exiting (the build's training run, ui.FirstPaintTraining).
     */
    static final String TRAIN_STARTUP = "sstpdoctor.trainStartup";

    private AppServices services;
    private WizardController wizard;

    /** JavaFX makes the application on its own thread, just before it names the window class after it. */
    public DesktopApp() {
        StartupMarks.mark("toolkit");
        WindowClassName.apply();
    }

    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void init() {
        StartupMarks.mark("init");
        // Only prepares the loading; the first page paints before the knowledge base and settings are read.
        services = AppServices.loading(DesktopApp::knowledgeBase, SettingsStore.ofThisUser(),
                CredentialStore.forThisComputer(), this::openInBrowser);
    }

    /** The built-in knowledge base with this site's overrides; a bad overrides file is reported and ignored. */
    private static KnowledgeBase knowledgeBase() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        var overridesFile = SiteOverrides.defaultLocation(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", ""));
        Set<String> ids = kb.ids();
        SiteOverrides overrides = SiteOverrides.load(overridesFile, ids);
        overrides.problems().forEach(p -> System.err.println("warning: " + p));
        return kb.withOverrides(overrides);
    }

    @Override
    public void start(Stage stage) throws Exception {
        StartupMarks.mark("start");
        FXMLLoader loader = new FXMLLoader(DesktopApp.class.getResource("wizard.fxml"), Texts.bundle());
        Parent root = loader.load();
        wizard = loader.getController();
        StartupMarks.mark("fxml");
        wizard.init(services);
        stage.setScene(styledScene(root));
        stage.titleProperty().bind(wizard.windowTitleProperty());
        stage.getIcons().addAll(icons());
        WindowSize.fit(stage, root);
        StartupMarks.mark("show");
        stage.show();
        StartupMarks.mark("shown");
        Platform.runLater(services::startLoading); // after the first page is laid out and shown
        applyParameters(getParameters().getRaw());
        if (StartupMarks.measuring()) {
            reportFirstPaint(Boolean.getBoolean(TRAIN_STARTUP));
        } else {
            // A moment after the first frames, load the next pages so Next answers at once.
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(400));
            later.setOnFinished(e -> wizard.preloadPages());
            later.play();
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
                // Main has already refused an unknown scenario, with the list of the known ones.
                String id = arg.substring("--practice=".length());
                Scenario.fromId(id).ifPresent(wizard::startPractice);
                signInPractice(id).ifPresent(wizard::startPractice);
            }
        }
    }

    /** The scenario named by {@code --practice=NAME}, or the message listing the known ones. */
    public static java.util.Optional<String> practiceProblem(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--practice=")) {
                String id = arg.substring("--practice=".length());
                if (Scenario.fromId(id).isEmpty() && signInPractice(id).isEmpty()) {
                    return java.util.Optional.of("sstp-doctor: unknown practice scenario \"" + id.replaceAll("\\p{Cntrl}", "?")
                            + "\". Known scenarios: " + String.join(", ", java.util.Arrays.stream(Scenario.values())
                            .map(Scenario::id).toList()) + "; and for the sign-in test: " + String.join(", ",
                            java.util.Arrays.stream(org.sstpdoctor.responder.SignInBehaviour.values())
                                    .map(b -> "signin-" + b.id()).toList()) + ".");
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** "signin-wrong-password" names a sign-in practice scenario. */
    static java.util.Optional<org.sstpdoctor.responder.SignInBehaviour> signInPractice(String id) {
        return id.startsWith("signin-") ? org.sstpdoctor.responder.SignInBehaviour.fromId(id.substring("signin-".length()))
                : java.util.Optional.empty();
    }

    /** Opens a link; throws when this computer has no browser, so the window can say so. */
    private void openInBrowser(String url) {
        if (!Browsers.available()) {
            throw new IllegalStateException("no web browser");
        }
        getHostServices().showDocument(url);
    }

    @Override
    public void stop() {
        if (wizard != null) {
            wizard.shutdown();
        }
    }


    private void reportFirstPaint(boolean thenNextPages) {
        // The second animation pulse after show() comes once the first frame has been rendered.
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    StartupMarks.report();
                    try {
                        if (thenNextPages) {
                            wizard.preloadPages();
                        }
                    } finally {
                        // After what preloadPages queued.
                        Platform.runLater(() -> Platform.runLater(Platform::exit));
                    }
                }
            }
        }.start();
    }
}
