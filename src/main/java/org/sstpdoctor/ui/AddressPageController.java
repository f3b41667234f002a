package org.sstpdoctor.ui;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Page 2: the Internet address and destination name. Validation is live: the same parser as the
 * command line explains what is wrong, beside the field, while the person types.
 */
public final class AddressPageController {
    @FXML TextField addressField;
    @FXML Label addressMessage;
    @FXML FlowPane recentBox;
    @FXML TextField destinationField;
    @FXML Label destinationMessage;
    @FXML TitledPane advancedPane;
    @FXML TextField portField;
    @FXML Spinner<Integer> timeoutSpinner;
    @FXML TextField expectedCertField;
    @FXML Label expectedCertMessage;

    private final ValidationSupport validation = new ValidationSupport();
    private BooleanBinding valid;
    private javafx.beans.binding.ObjectBinding<Optional<String>> addressProblem;
    private javafx.beans.binding.ObjectBinding<Optional<String>> destinationProblem;
    private javafx.beans.property.ObjectProperty<Integer> timeoutObject;

    void init(WizardModel model) {
        addressField.textProperty().bindBidirectional(model.address);
        destinationField.textProperty().bindBidirectional(model.destinationName);
        portField.textProperty().bindBidirectional(model.port);
        expectedCertField.textProperty().bindBidirectional(model.expectedCertificate);
        SpinnerValueFactory.IntegerSpinnerValueFactory timeouts =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(WizardModel.MIN_TIMEOUT, WizardModel.MAX_TIMEOUT, 15);
        timeoutObject = model.timeoutSeconds.asObject(); // kept in a field: the bidirectional binding is weak
        timeouts.valueProperty().bindBidirectional(timeoutObject);
        timeoutSpinner.setValueFactory(timeouts);

        TextFields.bindAutoCompletion(addressField, request -> model.recentAddresses.stream()
                .filter(a -> !request.getUserText().isBlank()
                        && a.toLowerCase().contains(request.getUserText().strip().toLowerCase()))
                .filter(a -> !a.equalsIgnoreCase(request.getUserText().strip()))
                .toList());
        model.recentAddresses.addListener((ListChangeListener<String>) c -> showRecent(model));
        showRecent(model);

        // Each check runs once per change; the decorations, messages and the Next button all read it.
        addressProblem = Bindings.createObjectBinding(model::addressProblem, model.address, model.port);
        destinationProblem = Bindings.createObjectBinding(model::destinationProblem, model.destinationName);
        var certificateProblem = Bindings.createObjectBinding(model::certificateProblem, model.expectedCertificate);

        validation.setValidationDecorator(new GraphicValidationDecoration());
        // Problems show only once the person has typed something; an empty first page is not an error.
        validation.registerValidator(addressField, false, (Control c, String text) -> problem(c,
                text == null || text.isBlank() ? Optional.empty() : addressProblem.get()));
        validation.registerValidator(portField, false, (Control c, String text) -> problem(c, text == null
                || text.isBlank() || model.address.get().isBlank() ? Optional.empty() : addressProblem.get()));
        validation.registerValidator(destinationField, false, (Control c, String text) -> problem(c, destinationProblem.get()));
        validation.registerValidator(expectedCertField, false, (Control c, String text) -> problem(c, certificateProblem.get()));
        expectedCertMessage.textProperty().bind(Bindings.createStringBinding(
                () -> certificateProblem.get().orElse(""), certificateProblem));

        addressMessage.textProperty().bind(Bindings.createStringBinding(
                () -> model.address.get().isBlank() ? "" : addressProblem.get().orElse(""), addressProblem));
        destinationMessage.textProperty().bind(Bindings.createStringBinding(
                () -> destinationProblem.get().orElse(""), destinationProblem));
        valid = Bindings.createBooleanBinding(() -> addressProblem.get().isEmpty() && destinationProblem.get().isEmpty()
                        && certificateProblem.get().isEmpty(), addressProblem, destinationProblem, certificateProblem);
    }

    private static ValidationResult problem(Control c, Optional<String> p) {
        return ValidationResult.fromMessageIf(c, p.orElse(""), Severity.ERROR, p.isPresent());
    }

    /** Up to five recent addresses as links: one click fills the field. */
    private void showRecent(WizardModel model) {
        recentBox.getChildren().clear();
        List<String> recent = model.recentAddresses.stream().limit(5).toList();
        if (recent.isEmpty()) {
            return;
        }
        recentBox.getChildren().add(new Label(Texts.get("address.recent")));
        for (String a : recent) {
            Hyperlink link = new Hyperlink(a);
            link.setAccessibleText(Texts.get("address.recent.accessible", a));
            link.setOnAction(e -> {
                model.address.set(a);
                addressField.requestFocus();
                addressField.end();
            });
            recentBox.getChildren().add(link);
        }
    }

    BooleanBinding validProperty() {
        return valid;
    }

    void focus() {
        addressField.requestFocus();
    }
}
