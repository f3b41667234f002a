package org.sstpdoctor.ui;

import java.util.function.Consumer;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.probe.SstpProbe;
import org.sstpdoctor.settings.CredentialStore;
import org.sstpdoctor.settings.Settings;
import org.sstpdoctor.settings.SettingsStore;

/**
 * What the wizard needs from outside, gathered in one place so tests can hand it a loopback-only
 * probe, a settings file in a temporary folder and no credential store.
 *
 * @param settingsProblem a message when the remembered settings could not be read, else empty
 */
public record AppServices(KnowledgeBase kb, SstpProbe probe, SettingsStore settingsStore, Settings settings,
                          String settingsProblem, CredentialStore credentials, Consumer<String> openUrl) {
}
