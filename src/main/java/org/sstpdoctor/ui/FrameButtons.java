package org.sstpdoctor.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import org.sstpdoctor.ui.WizardController.Page;
import org.sstpdoctor.ui.WizardController.Role;

/**
 * The frame's Back / Next (Test) / Finish / Cancel (Close) buttons and the Tools menu, set for the
 * page on show from its {@link Role}, as Windows' wizard shows them.
 */
final class FrameButtons {
    private final Button back;
    private final Button next;
    private final Button finish;
    private final Button cancel;
    private final MenuButton tools;

    FrameButtons(Button back, Button next, Button finish, Button cancel, MenuButton tools) {
        this.back = back;
        this.next = next;
        this.finish = finish;
        this.cancel = cancel;
        this.tools = tools;
    }

    void configure(Page page, WizardPage controller) {
        Role role = page.role;
        List<Page> steps = Page.steps();
        boolean lastStep = role == Role.STEP && steps.indexOf(page) == steps.size() - 1;
        next.disableProperty().unbind();
        next.disableProperty().bind(javafx.beans.binding.Bindings.not(controller.valid()));
        back.setDisable(role == Role.RUN || (role == Role.STEP && steps.indexOf(page) == 0));
        setShown(next, role == Role.STEP);
        setShown(finish, role == Role.RESULT);
        finish.setDefaultButton(role == Role.RESULT);
        next.setDefaultButton(role == Role.STEP);
        cancel.setText(Texts.get(role != Role.ASIDE ? "button.cancel"
                : page == Page.LOOKUP ? "button.closelookup" : "button.closepage"));
        next.setText(Texts.get(lastStep ? "button.test" : "button.next"));
        tools.setDisable(role == Role.RUN);
    }

    private static void setShown(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }
}
