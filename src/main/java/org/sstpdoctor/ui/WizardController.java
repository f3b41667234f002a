package org.sstpdoctor.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.sstpdoctor.responder.Scenario;

/**
 * The wizard's frame: title, page area and the Back / Next / Finish / Cancel buttons, like Windows'
 * "Connect to a workplace". It moves between the pages of {@link Page} through the {@link WizardPage}
 * contract only; what a page shows and checks is the page's own business.
 */
public final class WizardController implements PageContext.Actions {
    /**
     * Every page, in the order the wizard walks through them. {@link Role#STEP} pages are the steps
     * Next and Back move through (the last one's Next is "Test"); adding a step is one entry here,
     * one FXML file {@code page-<name>.fxml} and its controller.
     */
    public enum Page {
        HOW(Role.STEP), ADDRESS(Role.STEP), SIGNIN(Role.STEP), PROXY(Role.STEP), TESTING(Role.RUN), RESULT(Role.RESULT),
        LOOKUP(Role.ASIDE), HISTORY(Role.ASIDE), EVENTS(Role.ASIDE), OPENED(Role.ASIDE);

        final Role role;

        Page(Role role) {
            this.role = role;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<Page> steps() {
            return Arrays.stream(values()).filter(p -> p.role == Role.STEP).toList();
        }
    }

    /** How the frame's buttons behave on a page. */
    enum Role { STEP, RUN, RESULT, ASIDE }

    @FXML BorderPane root;
    @FXML Label practiceBanner;
    @FXML Button backButton;
    @FXML Label pageTitle;
    @FXML Label pageSubtitle;
    @FXML MenuButton toolsMenu;
    @FXML MenuItem lookupMenuItem;
    @FXML MenuItem practiceMenuItem;
    @FXML MenuItem stopPracticeMenuItem;
    @FXML javafx.scene.control.ScrollPane pageScroll;
    @FXML StackPane pageHolder;
    @FXML Label statusLine;
    @FXML Button nextButton;
    @FXML Button finishButton;
    @FXML Button cancelButton;

    @FXML Node howPage;
    @FXML HowPageController howPageController;
    // Pages are loaded when first needed: the first page paints sooner.
    private PageViews pages;
    private FrameButtons buttons;
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper(Texts.get("app.title"));

    private final WizardModel model = new WizardModel();
    private AppServices services;
    private SettingsService settings;
    private ProbeRunner runner;
    private PageContext context;
    private Page current = Page.HOW;
    private Page beforeAside = Page.HOW;
    private final Practice practice = new Practice(this);
    private TestRun testRun;
    private boolean closed;

    public void init(AppServices appServices) {
        this.services = appServices;
        this.settings = new SettingsService(appServices);
        runner = new ProbeRunner(appServices.probe(), appServices.background());
        context = new PageContext(model, appServices, settings, runner, this);
        testRun = new TestRun(this, model, appServices, settings, runner, practice);
        buttons = new FrameButtons(backButton, nextButton, finishButton, cancelButton, toolsMenu);
        WholeText.keep(root);
        pages = new PageViews(context);
        pages.add(Page.HOW, howPage, howPageController);
        // Remembered settings arrive from a background load; they fill the pages unless the person
        // has already moved on from the first page.
        settings.whenLoaded(loaded -> {
            if (current == Page.HOW && !practice.running()) {
                model.apply(loaded);
            } else {
                model.recentAddresses.setAll(loaded.recentAddresses());
            }
        }, statusLine::setText);
        practiceBanner.textProperty().bind(model.practiceBanner);
        practiceBanner.visibleProperty().bind(model.practiceBanner.isNotEmpty());
        practiceBanner.managedProperty().bind(practiceBanner.visibleProperty());
        lookupMenuItem.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                Keys.install(scene, this);
            }
        });
        show(Page.HOW);
    }

    public WizardModel model() {
        return model;
    }

    public Page currentPage() {
        return current;
    }

    /** "SSTP Doctor — Proxy settings", "SSTP Doctor — vpn.example.com: Reachable"; the app binds its stage title to it. */
    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    ResultPageController result() {
        return (ResultPageController) ensure(Page.RESULT);
    }

    WizardPage page(Page page) {
        return ensure(page);
    }

    /** The testing page's rows (tests). */
    List<StageRow> runnerRows() {
        return runner.rows();
    }

    private WizardPage ensure(Page page) {
        return pages.controller(page);
    }

    /** Loads the next pages while the person reads the first one, so Next is instant. */
    public void preloadPages() {
        ensure(Page.ADDRESS);
        Platform.runLater(() -> ensure(Page.PROXY));
    }

    @Override
    public Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    void show(Page page) {
        WizardPage controller = ensure(page);
        current = page;
        UiLog.page(page);
        // Only the page on show is in the scene: hidden pages' Alt+letter mnemonics must not collide with it.
        pageHolder.getChildren().setAll(pages.view(page));
        pageScroll.setVvalue(0); // every page opens at its top
        pageTitle.setText(Texts.get("page." + page.key() + ".title"));
        pageSubtitle.setText(Texts.get("page." + page.key() + ".subtitle"));
        root.setAccessibleText(pageTitle.getText());
        buttons.configure(page, controller);
        controller.shown();
        String title = controller.windowTitle();
        windowTitle.set(Texts.get("window.title", title.isEmpty() ? pageTitle.getText() : title));
        // At once, so the scene never hands the focus of the page just removed to its first control (Back),
        // and again once the page is laid out, for a control that takes the focus only then.
        controller.focus();
        Platform.runLater(() -> {
            if (current == page) {
                controller.focus();
            }
        });
    }

    @FXML
    void goNext() {
        if (current.role != Role.STEP || nextButton.isDisabled() || !pages.controller(current).next()) {
            return;
        }
        List<Page> steps = Page.steps();
        int i = steps.indexOf(current);
        if (i == steps.size() - 1) {
            runTest();
        } else {
            show(steps.get(i + 1));
        }
    }

    @FXML
    void goBack() {
        if (backButton.isDisabled() || !pages.controller(current).back()) {
            return;
        }
        List<Page> steps = Page.steps();
        switch (current.role) {
            case STEP -> show(steps.get(Math.max(0, steps.indexOf(current) - 1)));
            case RESULT -> show(steps.get(steps.size() - 1));
            case ASIDE -> show(beforeAside);
            case RUN -> { }
        }
    }

    @FXML
    void finish() {
        close();
    }

    @FXML
    void cancel() {
        switch (current.role) {
            case RUN -> runner.cancel();
            case ASIDE -> show(beforeAside);
            default -> {
                if (Dialogs.confirmLeaving(window(), model)) {
                    close();
                }
            }
        }
    }

    /** Esc: the page first (a suggestion list to close), then Cancel. */
    void escape() {
        if (!pages.controller(current).escape()) {
            cancel();
        }
    }

    /** Starts (or restarts) the test with what is on the pages now. */
    @Override
    public void runTest() {
        testRun.start();
    }

    @FXML
    void openLookup() {
        lookup("");
    }

    /** Opens the lookup page, with a query typed when one is given (a related link, a command-line argument). */
    @Override
    public void lookup(String query) {
        if (current.role == Role.RUN) {
            return;
        }
        LookupPageController lookup = (LookupPageController) ensure(Page.LOOKUP);
        if (!query.isEmpty()) {
            lookup.query(query);
        }
        if (current != Page.LOOKUP) {
            beforeAside = current;
            show(Page.LOOKUP);
        }
    }

    @Override
    public void open(Page page) {
        aside(page);
    }

    /** Opens a page from the helpdesk's menu entries; an aside remembers the page to return to. */
    void aside(Page page) {
        if (current.role == Role.RUN) {
            return;
        }
        if (page.role == Role.ASIDE && current.role != Role.ASIDE) {
            beforeAside = current;
        }
        show(page);
    }

    @FXML
    void openHistory() {
        aside(Page.HISTORY);
    }

    @FXML
    void openEvents() {
        aside(Page.EVENTS);
    }

    @FXML
    void openReport() {
        aside(Page.OPENED);
        ((OpenedPageController) ensure(Page.OPENED)).openOther();
    }

    PageContext context() {
        return context;
    }

    @FXML
    void startPractice() {
        Dialogs.choosePractice(window()).ifPresent(choice -> practice.start(choice.scenario(), choice.signIn()));
    }

    /** Practice mode with a sign-in scenario: the practice account is filled in on the sign-in page. */
    public void startPractice(org.sstpdoctor.responder.SignInBehaviour signIn) {
        practice.start(Scenario.WORKING, signIn);
    }

    /** Starts practice mode with a scenario and fills the pages so the next click runs the test. */
    public void startPractice(Scenario scenario) {
        practice.start(scenario);
    }

    @FXML
    void stopPractice() {
        practice.stop();
    }

    // For Practice, which fills the pages and the menu.
    AppServices services() {
        return services;
    }

    SettingsService settings() {
        return settings;
    }

    MenuItem stopPracticeMenuItem() {
        return stopPracticeMenuItem;
    }

    @Override
    public void status(String message) {
        statusLine.setText(message);
    }

    boolean closed() {
        return closed;
    }

    @FXML
    void showAbout() {
        Dialogs.about(window());
    }

    /** Stops everything this window started: the probe, the practice responder, the background threads. */
    public void shutdown() {
        closed = true;
        runner.close();
        practice.stop();
        services.close();
    }

    private void close() {
        shutdown();
        Window w = window();
        if (w != null) {
            w.hide();
        }
    }
}
