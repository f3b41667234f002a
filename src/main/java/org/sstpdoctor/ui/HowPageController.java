package org.sstpdoctor.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.RadioButton;

/** Page 1: how to connect. Only the VPN path is served; dial-up is shown, disabled, as Windows shows it. */
public final class HowPageController {
    @FXML RadioButton vpnChoice;
    @FXML RadioButton dialChoice;
    @FXML Hyperlink lookupLink;
    private Runnable onLookup = () -> { };

    void onLookup(Runnable action) {
        onLookup = action;
    }

    @FXML
    void lookup() {
        onLookup.run();
    }
}
