package org.sstpdoctor.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.binding.Bindings;

/**
 * What every page of the wizard offers the frame ({@link WizardController}), which moves between
 * pages without knowing what is on them. A page is one FXML file whose controller implements this,
 * and one entry in {@link WizardController.Page}; see the README, "Adding a page".
 *
 * <p>Order of calls: {@link #initialise} once, after its FXML is loaded; then, each time the page
 * opens, {@link #shown} and {@link #focus}. Next asks {@link #next}, Back asks {@link #back}; Esc asks
 * {@link #escape} before it means Cancel. All calls come on the FX thread.
 */
public interface WizardPage {
    ObservableBooleanValue ALWAYS = Bindings.createBooleanBinding(() -> true);

    /** Binds the page to the model and keeps what it needs from the context. */
    void initialise(PageContext context);

    /** The page is about to show: refresh what depends on other pages (start background work here). */
    default void shown() {
    }

    /** Puts the keyboard focus where a person starts on this page. */
    void focus();

    /** Whether Next (or Test) may be pressed; the frame binds the button to it. */
    default ObservableBooleanValue valid() {
        return ALWAYS;
    }

    /** Next was pressed; false keeps the page open (the page says why). */
    default boolean next() {
        return true;
    }

    /** Back was pressed; false keeps the page open. */
    default boolean back() {
        return true;
    }

    /** Esc was pressed; true when the page used it (closed a suggestion list, say), so it does not cancel. */
    default boolean escape() {
        return false;
    }

    /** The words for the window title while this page shows; empty for the page's own title. */
    default String windowTitle() {
        return "";
    }
}
