package org.sstpdoctor.ui;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.sstpdoctor.profiles.VpnProfile;
import org.sstpdoctor.profiles.VpnStrategy;

/**
 * "Which VPN? Work VPN — vpn.contoso.com" on the address page: the VPN connections already set up on
 * this computer. Choosing one fills the address, the destination name, and the proxy and CA file
 * where the connection has them. The connections are read off the FX thread the first time the page
 * opens; when there are none (or none can be read) the chooser stays hidden.
 */
final class VpnChooser {
    private final VBox holder;
    private final ComboBox<VpnProfile> box = new ComboBox<>();
    /** Where the chosen connection was found and how it picks its protocol: "rasphone.pbk (this user) · SSTP only". */
    private final Label detail = new Label();
    private final PageContext context;
    private boolean requested;

    VpnChooser(VBox holder, PageContext context) {
        this.holder = holder;
        this.context = context;
        Label label = new Label(Texts.get("vpn.choose"));
        label.setMnemonicParsing(true);
        label.setLabelFor(box);
        box.setPromptText(Texts.get("vpn.choose.prompt"));
        box.setAccessibleText(Texts.get("vpn.choose.accessible"));
        box.setMaxWidth(Double.MAX_VALUE);
        box.getStyleClass().add("vpn-chooser");
        box.setCellFactory(v -> new Cell());
        box.setButtonCell(new Cell());
        box.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                HelpdeskUi.fill(context, now, was);
            }
            detail.setText(now == null ? "" : now.protocolNote().isEmpty() ? Texts.get("vpn.detail.source", now.source())
                    : Texts.get("vpn.detail", now.source(), now.protocolNote()));
        });
        detail.getStyleClass().addAll("hint", "vpn-detail");
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        holder.getChildren().setAll(label, box, detail);
        show(false);
    }

    /** Reads the connections once, in the background, and shows the chooser if there are any. */
    void load() {
        if (requested) {
            return;
        }
        requested = true;
        context.background().run(() -> HelpdeskUi.desk(context).profiles(), this::offer, e -> show(false));
    }

    void offer(List<VpnProfile> profiles) {
        box.getItems().setAll(profiles);
        show(!profiles.isEmpty());
    }

    ComboBox<VpnProfile> box() {
        return box;
    }

    private void show(boolean shown) {
        holder.setVisible(shown);
        holder.setManaged(shown);
    }

    private static final class Cell extends ListCell<VpnProfile> {
        @Override
        protected void updateItem(VpnProfile p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                return;
            }
            setText(p.sstp() == VpnStrategy.Sstp.NO ? Texts.get("vpn.sstp.no", p.label()) : p.label());
        }
    }
}
