package org.sstpdoctor.ui;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import org.sstpdoctor.ui.WizardController.Page;

/**
 * The wizard's pages, each loaded from {@code page-<name>.fxml} the first time it is needed (the
 * first page paints sooner), its controller handed the {@link PageContext}.
 */
final class PageViews {
    private final Map<Page, Node> views = new EnumMap<>(Page.class);
    private final Map<Page, WizardPage> controllers = new EnumMap<>(Page.class);
    private final PageContext context;

    PageViews(PageContext context) {
        this.context = context;
    }

    /** A page built by the frame's own FXML (the first one, included so it paints with the window). */
    void add(Page page, Node view, WizardPage controller) {
        prepare(view);
        views.put(page, view);
        controllers.put(page, controller);
        controller.initialise(context);
    }

    /** The page's controller, loading the page first if it never was. */
    WizardPage controller(Page page) {
        WizardPage loaded = controllers.get(page);
        if (loaded != null) {
            return loaded;
        }
        FXMLLoader loader = new FXMLLoader(PageViews.class.getResource("page-" + page.key() + ".fxml"), Texts.bundle());
        Node view;
        try {
            view = loader.load();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot load the " + page + " page", e);
        }
        add(page, view, loader.getController());
        return controllers.get(page);
    }

    /** The page's view (loaded if it never was). */
    Node view(Page page) {
        controller(page);
        return views.get(page);
    }

    private static void prepare(Node view) {
        Keys.linkLabels(view);
        WholeText.keep(view);
    }
}
