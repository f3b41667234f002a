package org.sstpdoctor.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.settings.CredentialStore;
import org.sstpdoctor.settings.SettingsStore;
import org.sstpdoctor.testing.TestProbes;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard in a headless window (Monocle), wired to a probe whose names resolve only to
 * loopback, a settings file in a temporary folder and no credential store.
 */
abstract class WizardTestBase extends FxRobot {
    static final KnowledgeBase KB = KnowledgeBase.builtIn();

    @TempDir
    static Path configFolder;

    WizardController wizard;
    Stage stage;
    final List<String> openedUrls = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void headless() {
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("headless.geometry", "1600x1200-32"); // room for the 150% window
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }

    /** Called from the test class's {@code @Start} method (TestFX looks for it on the class itself). */
    void open(Stage s) throws Exception {
        open(s, new SettingsStore(configFolder.resolve("settings-" + System.nanoTime() + ".json")));
    }

    void open(Stage s, SettingsStore store) throws Exception {
        stage = s;
        FXMLLoader loader = new FXMLLoader(DesktopApp.class.getResource("wizard.fxml"), Texts.bundle());
        Parent root = loader.load();
        wizard = loader.getController();
        wizard.init(AppServices.ready(KB, TestProbes.probe(), store, CredentialStore.NONE, openedUrls::add));
        s.setScene(DesktopApp.styledScene(root));
        s.setWidth(780);
        s.setHeight(700);
        s.show();
    }

    void waitForPage(WizardController.Page page, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> wizard.currentPage() == page);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(String query) {
        Object node = lookup(query).query();
        if (node instanceof Labeled l) {
            return l.getText();
        }
        if (node instanceof TextInputControl t) {
            return t.getText();
        }
        throw new AssertionError(query + " is not a text node: " + node);
    }

    /** Sets a field as a person would, but at once (typing long addresses key by key is slow in CI). */
    void fill(String query, String value) {
        TextInputControl field = lookup(query).query();
        interact(() -> {
            field.requestFocus();
            field.setText(value);
        });
    }

    void shot(String name) {
        Screenshots.save(stage.getScene(), name);
    }
}
