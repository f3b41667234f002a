package org.sstpdoctor.ui;

import java.io.File;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.probe.SystemProxyDetector;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.Target;
import org.sstpdoctor.ui.WizardModel.CaCheck;

/** Page 3: proxy settings, as Windows offers them, plus an extra trusted CA for private PKIs. */
public final class ProxyPageController implements WizardPage {
    @FXML ToggleGroup mode;
    @FXML RadioButton noneChoice;
    @FXML RadioButton systemChoice;
    @FXML RadioButton manualChoice;
    @FXML Label systemDetected;
    @FXML GridPane manualGrid;
    @FXML TextField proxyHostField;
    @FXML TextField proxyPortField;
    @FXML Label hostMessage;
    @FXML TextField proxyUserField;
    @FXML Label userMessage;
    @FXML PasswordField passwordField;
    @FXML CheckBox rememberBox;
    @FXML Label rememberNote;
    @FXML TitledPane advancedPane;
    @FXML TextField caField;
    @FXML Button caBrowse;
    @FXML Label caMessage;

    private PageContext context;
    private WizardModel model;
    private BooleanBinding valid;
    private final java.util.List<FieldProblem> problems = new java.util.ArrayList<>();
    private final PauseTransition caPause = new PauseTransition(javafx.util.Duration.millis(250));

    @Override
    public void initialise(PageContext pageContext) {
        this.context = pageContext;
        this.model = pageContext.model();
        noneChoice.setUserData(ProxyMode.NONE);
        systemChoice.setUserData(ProxyMode.SYSTEM);
        manualChoice.setUserData(ProxyMode.MANUAL);
        selectMode(model.proxyMode.get());
        model.proxyMode.addListener((o, was, now) -> selectMode(now));
        mode.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.proxyMode.set((ProxyMode) now.getUserData());
            }
        });
        manualGrid.disableProperty().bind(model.proxyMode.isNotEqualTo(ProxyMode.MANUAL));
        proxyHostField.textProperty().bindBidirectional(model.proxyHost);
        proxyPortField.textProperty().bindBidirectional(model.proxyPort);
        proxyUserField.textProperty().bindBidirectional(model.proxyUser);
        passwordField.textProperty().bindBidirectional(model.proxyPassword);
        rememberBox.selectedProperty().bindBidirectional(model.rememberPassword);
        caField.textProperty().bindBidirectional(model.caFile);
        if (pageContext.settings().credentialStoreAvailable()) {
            rememberNote.setText(Texts.get("proxy.remember.where", pageContext.settings().credentialStoreDescription()));
        } else {
            model.rememberPassword.set(false);
            rememberBox.setDisable(true);
            rememberNote.setText(Texts.get("proxy.remember.unavailable"));
        }
        // One parse per change of the proxy fields; each problem is shown under its own field.
        ObjectBinding<Optional<InputException>> problem = Bindings.createObjectBinding(model::proxyInputProblem,
                model.proxyMode, model.proxyHost, model.proxyPort, model.proxyUser);
        problems.add(FieldProblem.attach(proxyHostField, hostMessage, forFields(problem, org.sstpdoctor.target.InputField.PROXY, org.sstpdoctor.target.InputField.PROXY_PORT),
                LongestProblems.proxyHost()));
        problems.add(FieldProblem.attach(proxyUserField, userMessage, forFields(problem, org.sstpdoctor.target.InputField.PROXY_USER),
                LongestProblems.proxyUser()));
        // The CA file is read in the background (it may sit on a slow drive); any problem it has is its own.
        problems.add(FieldProblem.attach(caField, caMessage, Bindings.createObjectBinding(() -> {
            CaCheck c = model.caCheck.get();
            return c.state() == CaCheck.State.PROBLEM ? Optional.of(c.problem()) : Optional.<String>empty();
        }, model.caCheck), LongestProblems.caFile()));
        caPause.setOnFinished(e -> checkCaFile());
        model.caFile.addListener((o, was, now) -> {
            model.caCheck.set(now == null || now.isBlank() ? CaCheck.NONE : new CaCheck(CaCheck.State.CHECKING, now, ""));
            caPause.playFromStart();
        });
        if (!model.caFile.get().isBlank()) {
            model.caCheck.set(new CaCheck(CaCheck.State.CHECKING, model.caFile.get(), ""));
            checkCaFile();
        }
        valid = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !model.caCheck.get().blocksNext(),
                problem, model.caCheck);
    }

    /** The problem, if it belongs to one of these fields and the manual proxy is chosen; none for untouched fields. */
    private ObjectBinding<Optional<String>> forFields(ObjectBinding<Optional<InputException>> problem,
                                                     org.sstpdoctor.target.InputField... fields) {
        return Bindings.createObjectBinding(() -> {
            boolean untouched = model.proxyHost.get().isBlank() && model.proxyPort.get().isBlank();
            return problem.get().filter(e -> model.proxyMode.get() == ProxyMode.MANUAL && !untouched
                    && java.util.List.of(fields).contains(e.field())).map(InputException::getMessage);
        }, problem);
    }

    private void checkCaFile() {
        String file = model.caFile.get();
        if (file == null || file.isBlank()) {
            model.caCheck.set(CaCheck.NONE);
            return;
        }
        context.background().run(() -> WizardModel.readTrustedCertificates(file).size(), count -> {
            if (file.equals(model.caFile.get())) {
                model.caCheck.set(new CaCheck(CaCheck.State.OK, file, ""));
            }
        }, error -> {
            if (file.equals(model.caFile.get())) {
                model.caCheck.set(new CaCheck(CaCheck.State.PROBLEM, file, BackgroundJobs.message(error)));
            }
        });
    }

    private void selectMode(ProxyMode m) {
        mode.selectToggle(switch (m) {
            case NONE -> noneChoice;
            case MANUAL -> manualChoice;
            default -> systemChoice;
        });
    }

    @Override
    public void shown() {
        try {
            detectSystemProxy(model.target());
        } catch (InputException e) {
            systemDetected.setText(""); // cannot happen: the address page let us through
        }
        context.settings().fillRememberedPassword(model);
    }

    /** Asks the OS what proxy it would use for this server, in the background (PAC and WPAD can be slow). */
    private void detectSystemProxy(Target target) {
        systemDetected.setText(Texts.get("proxy.system.detecting"));
        context.background().run(() -> SystemProxyDetector.ofThisComputer().detect(target), detection -> {
            if (detection.proxy().isPresent()) {
                systemDetected.setText(Texts.get("proxy.system.found", detection.proxy().get().toString(), detection.source()));
            } else {
                systemDetected.setText(Texts.get("proxy.system.none", detection.source()));
            }
        }, error -> systemDetected.setText(Texts.get("proxy.system.unknown")));
    }

    @FXML
    void browseCa() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("proxy.ca.choose"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Texts.get("proxy.ca.filter"), "*.pem", "*.crt", "*.cer"),
                new FileChooser.ExtensionFilter(Texts.get("file.filter.all"), "*.*"));
        File chosen = chooser.showOpenDialog(caField.getScene().getWindow());
        if (chosen != null) {
            model.caFile.set(chosen.getAbsolutePath());
        }
    }

    @Override
    public ObservableBooleanValue valid() {
        return valid;
    }

    @Override
    public boolean next() {
        problems.forEach(FieldProblem::reveal);
        if (model.caCheck.get().state() == CaCheck.State.PROBLEM) {
            advancedPane.setExpanded(true); // the problem is inside the folded section: show it
        }
        return valid.get();
    }

    @Override
    public void focus() {
        if (model.caCheck.get().state() == CaCheck.State.PROBLEM) {
            advancedPane.setExpanded(true);
        }
        if (mode.getSelectedToggle() instanceof RadioButton r) {
            r.requestFocus();
        }
    }
}
