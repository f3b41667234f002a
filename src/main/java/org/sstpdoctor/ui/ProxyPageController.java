package org.sstpdoctor.ui;

import java.io.File;
import java.util.Optional;
import org.sstpdoctor.target.InputException;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.probe.SystemProxyDetector;
import org.sstpdoctor.settings.CredentialStore;
import org.sstpdoctor.target.Target;

/** Page 3: proxy settings, as Windows offers them, plus an extra trusted CA for private PKIs. */
public final class ProxyPageController {
    @FXML ToggleGroup mode;
    @FXML RadioButton noneChoice;
    @FXML RadioButton systemChoice;
    @FXML RadioButton manualChoice;
    @FXML Label systemDetected;
    @FXML GridPane manualGrid;
    @FXML TextField proxyHostField;
    @FXML TextField proxyPortField;
    @FXML TextField proxyUserField;
    @FXML PasswordField passwordField;
    @FXML CheckBox rememberBox;
    @FXML Label rememberNote;
    @FXML Label proxyMessage;
    @FXML TitledPane advancedPane;
    @FXML TextField caField;
    @FXML Button caBrowse;

    private WizardModel model;
    private final ValidationSupport validation = new ValidationSupport();
    private BooleanBinding valid;
    private javafx.beans.binding.ObjectBinding<Optional<InputException>> problem;

    void init(WizardModel model, CredentialStore credentials) {
        this.model = model;
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
        if (credentials.available()) {
            rememberNote.setText(Texts.get("proxy.remember.where", credentials.description()));
        } else {
            model.rememberPassword.set(false);
            rememberBox.setDisable(true);
            rememberNote.setText(Texts.get("proxy.remember.unavailable"));
        }
        // One check per change; each field gets the decoration for its own problem, the message below
        // names it in words, and Next follows it.
        problem = Bindings.createObjectBinding(model::proxyInputProblem,
                model.proxyMode, model.proxyHost, model.proxyPort, model.proxyUser, model.caFile);
        registerFieldValidator(proxyHostField, "proxy");
        registerFieldValidator(proxyPortField, "proxy port");
        registerFieldValidator(proxyUserField, "proxy user");
        registerFieldValidator(caField, "trusted CA file");
        proxyMessage.textProperty().bind(Bindings.createStringBinding(() -> {
            boolean untouched = model.proxyMode.get() == ProxyMode.MANUAL && model.proxyHost.get().isBlank()
                    && model.proxyPort.get().isBlank();
            return untouched ? "" : problem.get().map(InputException::getMessage).orElse("");
        }, problem));
        valid = Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem);
    }

    private void registerFieldValidator(TextField field, String inputField) {
        validation.registerValidator(field, false, (javafx.scene.control.Control c, String t) -> {
            Optional<InputException> p = problem.get();
            boolean mine = p.isPresent() && p.get().field().equals(inputField)
                    && (model.proxyMode.get() == ProxyMode.MANUAL || inputField.equals("trusted CA file"))
                    && !(t == null || t.isBlank());
            return ValidationResult.fromMessageIf(c, p.map(InputException::getMessage).orElse(""), Severity.ERROR, mine);
        });
    }

    private void selectMode(ProxyMode m) {
        mode.selectToggle(switch (m) {
            case NONE -> noneChoice;
            case MANUAL -> manualChoice;
            default -> systemChoice;
        });
    }

    /** Asks the OS what proxy it would use for this server, off the FX thread (PAC and WPAD can be slow). */
    void detectSystemProxy(Target target) {
        systemDetected.setText(Texts.get("proxy.system.detecting"));
        CompletableFuture.supplyAsync(() -> SystemProxyDetector.ofThisComputer().detect(target))
                .whenComplete((detection, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        systemDetected.setText(Texts.get("proxy.system.unknown"));
                    } else if (detection.proxy().isPresent()) {
                        systemDetected.setText(Texts.get("proxy.system.found", detection.proxy().get().toString(),
                                detection.source()));
                    } else {
                        systemDetected.setText(Texts.get("proxy.system.none", detection.source()));
                    }
                }));
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

    BooleanBinding validProperty() {
        return valid;
    }

    void focus() {
        if (mode.getSelectedToggle() instanceof RadioButton r) {
            r.requestFocus();
        }
    }
}
