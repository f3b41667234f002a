package org.sstpdoctor.ui;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * The optional page after the address, as in Windows' "Connect to a workplace": "Type your user
 * name and password". Left empty, the test stops at the SSTP answer, as before; filled, it also
 * signs in (PPP, the crypto binding, an address). The password is kept only in memory, or in the OS
 * credential store when the person ticks the box.
 */
public final class SignInPageController implements WizardPage {
    @FXML TextField vpnUserField;
    @FXML Label userMessage;
    @FXML PasswordField vpnPasswordField;
    @FXML Label passwordMessage;
    @FXML CheckBox rememberVpnBox;
    @FXML Label rememberVpnNote;
    @FXML TextField vpnDomainField;
    @FXML Label domainMessage;
    @FXML Hyperlink skipLink;

    private PageContext context;
    private WizardModel model;
    private BooleanBinding valid;

    @Override
    public void initialise(PageContext pageContext) {
        this.context = pageContext;
        this.model = pageContext.model();
        vpnUserField.textProperty().bindBidirectional(model.vpnUser);
        vpnPasswordField.textProperty().bindBidirectional(model.vpnPassword);
        vpnDomainField.textProperty().bindBidirectional(model.vpnDomain);
        rememberVpnBox.selectedProperty().bindBidirectional(model.rememberVpnPassword);
        if (pageContext.settings().credentialStoreAvailable()) {
            rememberVpnNote.setText(Texts.get("signin.remember.where", pageContext.settings().credentialStoreDescription()));
        } else {
            model.rememberVpnPassword.set(false);
            rememberVpnBox.setDisable(true);
            rememberVpnNote.setText(Texts.get("proxy.remember.unavailable"));
        }
        ObjectBinding<Optional<String>> userProblem = Bindings.createObjectBinding(
                () -> model.vpnProblem("user"), model.vpnUser, model.vpnPassword, model.vpnDomain);
        ObjectBinding<Optional<String>> passwordProblem = Bindings.createObjectBinding(
                () -> model.vpnProblem("password"), model.vpnUser, model.vpnPassword);
        ObjectBinding<Optional<String>> domainProblem = Bindings.createObjectBinding(
                () -> model.vpnProblem("domain"), model.vpnDomain);
        FieldProblem.attach(vpnUserField, userMessage, userProblem, LongestProblems.signIn("user"));
        FieldProblem.attach(vpnPasswordField, passwordMessage, passwordProblem, LongestProblems.signIn("password"));
        FieldProblem.attach(vpnDomainField, domainMessage, domainProblem, LongestProblems.signIn("domain"));
        valid = Bindings.createBooleanBinding(() -> userProblem.get().isEmpty() && passwordProblem.get().isEmpty()
                && domainProblem.get().isEmpty(), userProblem, passwordProblem, domainProblem);
    }

    @Override
    public void shown() {
        context.settings().fillRememberedVpnPassword(model);
    }

    @Override
    public void focus() {
        vpnUserField.requestFocus();
    }

    @Override
    public ObservableBooleanValue valid() {
        return valid;
    }

    /** Skips the sign-in test: the fields are emptied, so Next goes on without it. */
    @FXML
    void skip() {
        model.vpnUser.set("");
        model.vpnPassword.set("");
        model.vpnDomain.set("");
        context.actions().status(Texts.get("signin.skipped"));
    }
}
