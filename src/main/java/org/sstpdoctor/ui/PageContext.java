package org.sstpdoctor.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * What a page may use: the shared model, the services, the background executor and a few actions of
 * the frame. Pages talk to each other only through the model, never through each other's widgets.
 */
public record PageContext(WizardModel model, AppServices services, SettingsService settings, ProbeRunner runner,
                          Actions actions) {
    /** What the frame does for a page. */
    public interface Actions {
        /** Opens the lookup page with this text typed (empty: as it was). */
        void lookup(String query);

        /** Starts (or restarts) the test with what is on the pages now. */
        void runTest();

        /** Shows a short message in the frame's status line. */
        void status(String message);

        /** The wizard's window, for dialogs; null before it shows. */
        Window window();

        /** Opens a page: an aside (history, an opened report) over the current one, or a step. */
        void open(WizardController.Page page);
    }

    public BackgroundJobs background() {
        return services.background();
    }

    /** Opens a link in the browser; when there is none, the status line says so (not only standard error). */
    public Consumer<String> openUrl() {
        return url -> {
            try {
                services.openUrl().accept(url);
            } catch (RuntimeException e) {
                actions.status(Texts.get("result.browser.none", url));
            }
        };
    }

    Supplier<Window> window() {
        return actions::window;
    }
}
