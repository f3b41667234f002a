package org.sstpdoctor.ui;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.probe.Version;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.settings.Settings;
import org.sstpdoctor.target.InputException;

/**
 * The wizard's frame: title, page area and the Back / Next / Finish / Cancel buttons, like Windows'
 * "Connect to a workplace". It only moves between pages and hands work to the page controllers,
 * the {@link ProbeRunner} and the settings store.
 */
public final class WizardController {
    public enum Page { HOW, ADDRESS, PROXY, TESTING, RESULT, LOOKUP }

    @FXML BorderPane root;
    @FXML Label practiceBanner;
    @FXML Button backButton;
    @FXML Label pageTitle;
    @FXML Label pageSubtitle;
    @FXML MenuButton toolsMenu;
    @FXML MenuItem lookupMenuItem;
    @FXML MenuItem practiceMenuItem;
    @FXML MenuItem stopPracticeMenuItem;
    @FXML StackPane pageHolder;
    @FXML Label statusLine;
    @FXML Button nextButton;
    @FXML Button finishButton;
    @FXML Button cancelButton;

    @FXML Node howPage;
    @FXML HowPageController howPageController;
    // The other pages are loaded when first needed (see ensure): the first page paints sooner.
    private final java.util.Map<Page, Node> views = new java.util.EnumMap<>(Page.class);
    private AddressPageController addressPageController;
    private ProxyPageController proxyPageController;
    private TestingPageController testingPageController;
    private ResultPageController resultPageController;
    private LookupPageController lookupPageController;
    private String pendingLookup;

    private final WizardModel model = new WizardModel();
    private AppServices services;
    private ProbeRunner runner;
    private Settings settings;
    private Page current = Page.HOW;
    private Page beforeLookup = Page.HOW;
    private PracticeSession practice;
    private boolean closed;

    public void init(AppServices appServices) {
        this.services = appServices;
        this.settings = Settings.defaults();
        runner = new ProbeRunner(appServices.probe());
        howPageController.onLookup(this::openLookup);
        // Remembered settings arrive from a background load; they fill the pages unless the person
        // has already moved on from the first page.
        appServices.settings().thenAcceptAsync(loaded -> {
            settings = loaded.settings();
            if (current == Page.HOW && practice == null) {
                model.apply(settings);
            } else {
                model.recentAddresses.setAll(settings.recentAddresses());
            }
            loaded.problem().ifPresent(statusLine::setText);
        }, Platform::runLater);
        practiceBanner.textProperty().bind(model.practiceBanner);
        practiceBanner.visibleProperty().bind(model.practiceBanner.isNotEmpty());
        practiceBanner.managedProperty().bind(practiceBanner.visibleProperty());
        lookupMenuItem.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                // Enter = Next even when a radio button or check box has the focus: those controls
                // swallow Enter, and the default button would never see it.
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                    if (e.getCode() == KeyCode.ENTER && !e.isAltDown() && !e.isControlDown()
                            && (scene.getFocusOwner() instanceof javafx.scene.control.RadioButton
                                || scene.getFocusOwner() instanceof javafx.scene.control.CheckBox)) {
                        Button target = finishButton.isVisible() ? finishButton : nextButton;
                        if (target.isVisible() && !target.isDisabled()) {
                            e.consume();
                            target.fire();
                        }
                    }
                });
                // Alt+Left goes back, as in Windows' wizards and browsers.
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), () -> {
                    if (!backButton.isDisabled() && backButton.isVisible()) {
                        goBack();
                    }
                });
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

    ResultPageController result() {
        ensure(Page.RESULT);
        return resultPageController;
    }

    /** Loads a page's FXML the first time it is needed, and hands its controller what it works with. */
    private void ensure(Page page) {
        if (views.isEmpty()) {
            views.put(Page.HOW, howPage);
        }
        if (views.containsKey(page)) {
            return;
        }
        javafx.fxml.FXMLLoader loader = new javafx.fxml.FXMLLoader(
                WizardController.class.getResource("page-" + page.name().toLowerCase(java.util.Locale.ROOT) + ".fxml"),
                Texts.bundle());
        Node view;
        try {
            view = loader.load();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot load the " + page + " page", e);
        }
        view.setVisible(false);
        view.setManaged(false);
        pageHolder.getChildren().add(view);
        views.put(page, view);
        switch (page) {
            case ADDRESS -> {
                addressPageController = loader.getController();
                addressPageController.init(model);
            }
            case PROXY -> {
                proxyPageController = loader.getController();
                proxyPageController.init(model, services.credentials());
            }
            case TESTING -> {
                testingPageController = loader.getController();
                testingPageController.init(runner);
            }
            case RESULT -> {
                resultPageController = loader.getController();
                resultPageController.init(this::runTest, services.openUrl(), this::window, this::lookup);
            }
            case LOOKUP -> {
                LookupPageController c = loader.getController();
                lookupPageController = c;
                services.kb().thenAcceptAsync(kb -> {
                    c.init(kb, services.openUrl());
                    if (pendingLookup != null) {
                        c.query(pendingLookup);
                        pendingLookup = null;
                    }
                }, Platform::runLater);
            }
            default -> { }
        }
    }

    /** Loads the next pages while the person reads the first one, so Next is instant. */
    public void preloadPages() {
        ensure(Page.ADDRESS);
        Platform.runLater(() -> ensure(Page.PROXY));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void show(Page page) {
        ensure(page);
        current = page;
        for (Node n : pageHolder.getChildren()) {
            n.setVisible(false);
            n.setManaged(false);
        }
        Node view = views.get(page);
        view.setVisible(true);
        view.setManaged(true);
        String key = page.name().toLowerCase(java.util.Locale.ROOT);
        pageTitle.setText(Texts.get("page." + key + ".title"));
        pageSubtitle.setText(Texts.get("page." + key + ".subtitle"));
        root.setAccessibleText(pageTitle.getText());
        configureButtons(page);
        Platform.runLater(() -> focusFirst(page));
    }

    private void configureButtons(Page page) {
        nextButton.disableProperty().unbind();
        nextButton.setDisable(false);
        backButton.setDisable(page == Page.HOW || page == Page.TESTING);
        setShown(nextButton, page != Page.RESULT && page != Page.LOOKUP && page != Page.TESTING);
        setShown(finishButton, page == Page.RESULT);
        finishButton.setDefaultButton(page == Page.RESULT);
        nextButton.setDefaultButton(page != Page.RESULT);
        cancelButton.setText(Texts.get(page == Page.LOOKUP ? "button.closelookup" : "button.cancel"));
        nextButton.setText(Texts.get(page == Page.PROXY ? "button.test" : "button.next"));
        switch (page) {
            case ADDRESS -> nextButton.disableProperty().bind(addressPageController.validProperty().not());
            case PROXY -> nextButton.disableProperty().bind(proxyPageController.validProperty().not());
            default -> { }
        }
        toolsMenu.setDisable(page == Page.TESTING);
    }

    private static void setShown(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    private void focusFirst(Page page) {
        switch (page) {
            case HOW -> howPageController.vpnChoice.requestFocus();
            case ADDRESS -> addressPageController.focus();
            case PROXY -> proxyPageController.focus();
            case TESTING -> cancelButton.requestFocus();
            case RESULT -> finishButton.requestFocus();
            case LOOKUP -> lookupPageController.focus();
        }
    }

    @FXML
    void goNext() {
        switch (current) {
            case HOW -> show(Page.ADDRESS);
            case ADDRESS -> {
                if (model.addressProblem().isEmpty() && model.destinationProblem().isEmpty()) {
                    ensure(Page.PROXY);
                    try {
                        proxyPageController.detectSystemProxy(model.target());
                    } catch (InputException ignored) {
                        // cannot happen: the address was just checked
                    }
                    fillRememberedPassword();
                    show(Page.PROXY);
                }
            }
            case PROXY -> runTest();
            default -> { }
        }
    }

    @FXML
    void goBack() {
        switch (current) {
            case ADDRESS -> show(Page.HOW);
            case PROXY -> show(Page.ADDRESS);
            case RESULT -> show(Page.PROXY);
            case LOOKUP -> show(beforeLookup);
            default -> { }
        }
    }

    @FXML
    void finish() {
        close();
    }

    @FXML
    void cancel() {
        switch (current) {
            case TESTING -> runner.cancel();
            case LOOKUP -> show(beforeLookup);
            default -> close();
        }
    }

    /** Starts (or restarts) the test with what is on the pages now. */
    void runTest() {
        ProbeRequest request;
        try {
            request = model.request();
        } catch (InputException e) {
            statusLine.setText(e.getMessage());
            return;
        }
        statusLine.setText("");
        ensure(Page.TESTING);
        testingPageController.showTarget(Texts.get("testing.named", model.destinationName.get().strip(), request.target().toString()));
        show(Page.TESTING);
        // The knowledge base is consulted on the probe's thread, after the probe: never on the FX thread.
        runner.start(request, report -> {
            try {
                return Resolution.of(report, services.kb().join());
            } catch (RuntimeException e) {
                return Resolution.empty(); // the report stands without the explanation
            }
        }, this::showResult);
        rememberSettings();
    }

    private void showResult(ProbeReport report, Resolution resolution) {
        ensure(Page.RESULT);
        model.report.set(report);
        resultPageController.show(report, resolution, model.destinationName.get());
        show(Page.RESULT);
    }

    private void rememberSettings() {
        if (practice != null) {
            return; // practice addresses are throw-away loopback ports
        }
        settings = model.remember(settings);
        Settings toSave = settings;
        boolean storePassword = model.rememberPassword.get() && model.proxyMode.get() == ProxyMode.MANUAL
                && !model.proxyUser.get().isBlank() && !model.proxyPassword.get().isEmpty()
                && services.credentials().available();
        String account = model.credentialAccount();
        char[] password = storePassword ? model.proxyPassword.get().toCharArray() : null;
        boolean forget = !model.rememberPassword.get() && services.credentials().available() && !model.proxyUser.get().isBlank();
        // Disk and credential-store work (which may start a helper process) stays off the FX thread.
        CompletableFuture.runAsync(() -> {
            try {
                services.settingsStore().save(toSave);
                if (password != null) {
                    services.credentials().store(account, password);
                } else if (forget) {
                    services.credentials().delete(account);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }).whenComplete((ok, error) -> {
            if (error != null) {
                Platform.runLater(() -> statusLine.setText(Texts.get("settings.savefailed")));
            }
        });
    }

    private void fillRememberedPassword() {
        if (!model.rememberPassword.get() || !model.proxyPassword.get().isEmpty() || model.proxyUser.get().isBlank()
                || !services.credentials().available()) {
            return;
        }
        String account = model.credentialAccount();
        CompletableFuture.supplyAsync(() -> {
            try {
                return services.credentials().read(account);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })
                .whenComplete((found, error) -> Platform.runLater(() -> {
                    if (error == null && found.isPresent()) {
                        char[] chars = found.get();
                        model.fillRememberedPassword(account, chars);
                        Arrays.fill(chars, '\0');
                    }
                }));
    }

    @FXML
    void openLookup() {
        if (current != Page.LOOKUP && current != Page.TESTING) {
            beforeLookup = current;
            show(Page.LOOKUP);
        }
    }

    /** Opens the lookup page with a query already typed, e.g. from a command-line argument. */
    public void lookup(String query) {
        pendingLookup = query;
        openLookup();
    }

    @FXML
    void startPractice() {
        List<PracticeChoice> choices = Arrays.stream(Scenario.values()).map(PracticeChoice::new).toList();
        ChoiceDialog<PracticeChoice> dialog = new ChoiceDialog<>(choices.get(0), choices);
        dialog.setTitle(Texts.get("practice.title"));
        dialog.setHeaderText(Texts.get("practice.header"));
        dialog.setContentText(Texts.get("practice.choose"));
        dialog.initOwner(window());
        Optional<PracticeChoice> chosen = dialog.showAndWait();
        chosen.ifPresent(c -> startPractice(c.scenario()));
    }

    /** A scenario as the chooser lists it: by what it does, not by its id. */
    private record PracticeChoice(Scenario scenario) {
        @Override
        public String toString() {
            return scenario.description();
        }
    }

    /** Starts practice mode with a scenario and fills the pages so the next click runs the test. */
    public void startPractice(Scenario scenario) {
        stopPractice();
        // Certificates, a temporary file and a listening socket: made off the FX thread.
        CompletableFuture.supplyAsync(() -> {
            try {
                return PracticeSession.start(scenario);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((session, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                statusLine.setText(Texts.get("practice.failed", cause.getMessage()));
                return;
            }
            if (closed) {
                session.close(); // the window went away while the responder was starting
                return;
            }
            practice = session;
            model.address.set(session.address());
            model.port.set("");
            model.destinationName.set(Texts.get("practice.destination"));
            model.proxyMode.set(ProxyMode.NONE);
            model.caFile.set(session.caFile().toString());
            model.practiceBanner.set(Texts.get("practice.banner", scenario.description()));
            stopPracticeMenuItem.setDisable(false);
            show(Page.ADDRESS);
        }));
    }

    @FXML
    void stopPractice() {
        if (practice != null) {
            practice.close();
            practice = null;
            model.practiceBanner.set("");
            model.address.set("");
            model.destinationName.set(Texts.get("address.destination.default"));
            model.apply(settings); // back to what was remembered: proxy, CA file, time limit
        }
        stopPracticeMenuItem.setDisable(true);
    }

    @FXML
    void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION, Texts.get("about.text", Version.current()), ButtonType.OK);
        about.setTitle(Texts.get("about.title"));
        about.setHeaderText(Texts.get("about.header", Version.current()));
        about.initOwner(window());
        about.show();
    }

    /** Stops everything this window started: the probe, practice responder. */
    public void shutdown() {
        closed = true;
        runner.close();
        if (practice != null) {
            practice.close();
            practice = null;
        }
    }

    private void close() {
        shutdown();
        Window w = window();
        if (w != null) {
            w.hide();
        }
    }
}
