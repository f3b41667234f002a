package org.sstpdoctor.ui;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.sstpdoctor.target.InputException;

/**
 * Page 2: the Internet address and destination name. The same parser as the command line explains
 * what is wrong, beside the field, once the person pauses or leaves the field.
 */
public final class AddressPageController implements WizardPage {
    @FXML TextField addressField;
    @FXML Label addressMessage;
    @FXML FlowPane recentBox;
    @FXML TextField destinationField;
    @FXML Label destinationMessage;
    @FXML TitledPane advancedPane;
    @FXML TextField portField;
    @FXML Label portMessage;
    @FXML Spinner<Integer> timeoutSpinner;
    @FXML javafx.scene.layout.VBox vpnChooserBox;
    private VpnChooser vpnChooser;
    @FXML TextField expectedCertField;
    @FXML Label expectedCertMessage;

    private WizardModel model;
    private BooleanBinding valid;
    private ObjectBinding<Optional<InputException>> targetProblem;
    private final java.util.List<FieldProblem> problems = new java.util.ArrayList<>();
    private javafx.beans.property.ObjectProperty<Integer> timeoutObject;
    private AutoCompletionBinding<String> completion;
    /** Set when the person moved into the suggestion list with the arrow keys: only then Enter takes one. */
    private boolean suggestionChosen;

    @Override
    public void initialise(PageContext context) {
        this.model = context.model();
        vpnChooser = new VpnChooser(vpnChooserBox, context);
        addressField.textProperty().bindBidirectional(model.address);
        destinationField.textProperty().bindBidirectional(model.destinationName);
        portField.textProperty().bindBidirectional(model.port);
        expectedCertField.textProperty().bindBidirectional(model.expectedCertificate);
        SpinnerValueFactory.IntegerSpinnerValueFactory timeouts =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(WizardModel.MIN_TIMEOUT, WizardModel.MAX_TIMEOUT,
                        org.sstpdoctor.settings.Settings.DEFAULT_TIMEOUT);
        timeoutObject = model.timeoutSeconds.asObject(); // kept in a field: the bidirectional binding is weak
        timeouts.valueProperty().bindBidirectional(timeoutObject);
        timeoutSpinner.setValueFactory(timeouts);

        completion = TextFields.bindAutoCompletion(addressField, request -> model.recentAddresses.stream()
                .filter(a -> !request.getUserText().isBlank()
                        && a.toLowerCase().contains(request.getUserText().strip().toLowerCase()))
                .filter(a -> !a.equalsIgnoreCase(request.getUserText().strip()))
                .toList());
        keepTypedTextOnEnter();
        model.recentAddresses.addListener((ListChangeListener<String>) c -> showRecent());
        showRecent();

        // One check per change; messages, marks and the Next button all read it.
        targetProblem = Bindings.createObjectBinding(model::targetProblem, model.address, model.port);
        ObjectBinding<Optional<String>> destinationProblem =
                Bindings.createObjectBinding(model::destinationProblem, model.destinationName);
        // A port problem belongs to the port box (under the address while Advanced is folded), everything else
        // to the address; an empty field is not scolded.
        ObjectBinding<Optional<String>> addressShown = Bindings.createObjectBinding(() -> model.address.get().isBlank()
                ? Optional.empty() : targetProblem.get().filter(e -> !isPortProblem(e) || !advancedPane.isExpanded())
                        .map(InputException::getMessage), targetProblem, advancedPane.expandedProperty());
        ObjectBinding<Optional<String>> portShown = Bindings.createObjectBinding(() -> model.address.get().isBlank()
                ? Optional.empty() : targetProblem.get().filter(e -> isPortProblem(e) && advancedPane.isExpanded())
                        .map(InputException::getMessage), targetProblem, advancedPane.expandedProperty());
        problems.add(FieldProblem.attach(addressField, addressMessage, addressShown, LongestProblems.address()));
        problems.add(FieldProblem.attach(portField, portMessage, portShown, LongestProblems.port()));
        problems.add(FieldProblem.attach(destinationField, destinationMessage, destinationProblem,
                LongestProblems.destination()));
        ObjectBinding<Optional<String>> certificateProblem =
                Bindings.createObjectBinding(model::certificateProblem, model.expectedCertificate);
        problems.add(FieldProblem.attach(expectedCertField, expectedCertMessage, certificateProblem,
                LongestProblems.expectedCertificate()));
        // The port box shows the port the address names, so the two never seem to disagree.
        portField.promptTextProperty().bind(Bindings.createStringBinding(() -> model.addressPort()
                .map(String::valueOf).orElse("443"), model.address));
        valid = Bindings.createBooleanBinding(() -> targetProblem.get().isEmpty() && destinationProblem.get().isEmpty()
                && certificateProblem.get().isEmpty(), targetProblem, destinationProblem, certificateProblem);
    }

    private static boolean isPortProblem(InputException e) {
        return e.field() == org.sstpdoctor.target.InputField.PORT;
    }

    /**
     * ControlsFX takes the highlighted suggestion on Enter, replacing what was typed. Here Enter takes
     * the typed text (and goes on to Next) unless the person chose a suggestion with the arrow keys.
     */
    private void keepTypedTextOnEnter() {
        var popup = completion.getAutoCompletionPopup();
        popup.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                suggestionChosen = true;
            } else if (e.getCode() == KeyCode.ENTER && !suggestionChosen) {
                e.consume();
                popup.hide();
                addressField.fireEvent(e.copyFor(addressField, addressField)); // on to the default button
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                popup.hide();
            }
        });
        popup.setOnHidden(e -> suggestionChosen = false);
        popup.setOnShown(e -> suggestionChosen = false);
    }

    /** Up to five recent addresses as links: one click fills the field. */
    private void showRecent() {
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

    @Override
    public ObservableBooleanValue valid() {
        return valid;
    }

    @Override
    public boolean next() {
        problems.forEach(FieldProblem::reveal);
        return valid.get();
    }

    @Override
    public boolean escape() {
        if (completion.getAutoCompletionPopup().isShowing()) {
            completion.getAutoCompletionPopup().hide();
            return true;
        }
        return false;
    }

    @Override
    public void shown() {
        vpnChooser.load(); // the VPN connections set up here, read in the background the first time
    }

    @Override
    public void focus() {
        addressField.requestFocus();
    }
}
