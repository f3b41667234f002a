package org.sstpdoctor.ui;

import javafx.application.Platform;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.ui.WizardController.Page;

/**
 * The wizard's one flow from Test to Result: the request from what is on the pages, the probe on
 * the background executor, then the result page (or the page whose input turned out unusable, or
 * the internal-error result). The window only asks it to start.
 */
final class TestRun {
    private final WizardController wizard;
    private final WizardModel model;
    private final AppServices services;
    private final SettingsService settings;
    private final ProbeRunner runner;
    private final Practice practice;

    TestRun(WizardController wizard, WizardModel model, AppServices services, SettingsService settings, ProbeRunner runner,
            Practice practice) {
        this.wizard = wizard;
        this.model = model;
        this.services = services;
        this.settings = settings;
        this.runner = runner;
        this.practice = practice;
    }

    /** Starts (or restarts) the test with what is on the pages now; nothing while one runs. */
    void start() {
        if (runner.runningProperty().get()) {
            return;
        }
        wizard.statusLine.setText("");
        WizardModel.RequestInput input = model.requestInput(true);
        UiLog.testStarted(input.address(), input.proxyMode().id());
        wizard.show(Page.TESTING);
        model.comparison.set("");
        boolean keep = !practice.running(); // practice results are not the person's servers
        // The request is parsed, the CA file read and the knowledge base consulted on the probe's thread.
        runner.start(input::toRequest, report -> {
            if (keep) {
                String comparison = HelpdeskUi.keep(services, report); // the history is written here, off the FX thread
                Platform.runLater(() -> model.comparison.set(comparison));
            }
            try {
                return Resolution.of(report, services.kb().join());
            } catch (RuntimeException e) {
                return Resolution.empty(); // the report stands without the explanation
            }
        }, new ProbeRunner.Outcomes<>((report, resolution) -> {
            UiLog.testFinished(input.address(), report.outcome().id(), report.totalMillis());
            wizard.result().show(report, resolution, model.destinationName.get());
            model.report.set(report);
            wizard.show(Page.RESULT);
        }, this::inputProblem, error -> {
            UiLog.failed("the test", error);
            wizard.result().showInternalError(error);
            wizard.show(Page.RESULT);
        }));
        if (!practice.running()) { // practice addresses are throw-away loopback ports
            settings.remember(model, () -> wizard.statusLine.setText(Texts.get("settings.savefailed")));
        }
    }

    /** Input that turned out unusable only when the test began (a CA file deleted meanwhile). */
    private void inputProblem(InputException e) {
        wizard.statusLine.setText(e.getMessage());
        wizard.show(Page.steps().get(Page.steps().size() - 1));
        if (e.field() == WizardModel.CA_FIELD) {
            model.caCheck.set(new WizardModel.CaCheck(WizardModel.CaCheck.State.PROBLEM, model.caFile.get(), e.getMessage()));
        }
    }
}
