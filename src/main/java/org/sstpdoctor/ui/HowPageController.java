package org.sstpdoctor.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.RadioButton;

/** Page 1: how to connect. Only the VPN path is served; dial-up is shown, disabled, as Windows shows it. */
public final class HowPageController implements WizardPage {
    @FXML RadioButton vpnChoice;
    @FXML RadioButton dialChoice;
    @FXML Hyperlink lookupLink;
    private PageContext context;

    @Override
    public void initialise(PageContext pageContext) {
        this.context = pageContext;
    }

    @Override
    public void focus() {
        vpnChoice.requestFocus();
    }

    @FXML
    void lookup() {
        context.actions().lookup("");
    }
}
