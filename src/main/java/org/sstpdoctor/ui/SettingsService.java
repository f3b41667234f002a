package org.sstpdoctor.ui;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.settings.CredentialStore;
import org.sstpdoctor.settings.Settings;

/**
 * What the wizard remembers between runs: the settings file and, when asked for, the proxy password
 * in the OS credential store. Disk and credential helpers (which may start a process) run on the
 * background executor; the model is only read and written on the FX thread.
 */
public final class SettingsService {
    private final AppServices services;
    private Settings settings = Settings.defaults();

    public SettingsService(AppServices services) {
        this.services = services;
    }

    /** The settings last loaded or saved (defaults until the file has been read). */
    public Settings current() {
        return settings;
    }

    /** Hands the remembered settings to {@code onFx} once the background load is done; problems to {@code problem}. */
    public void whenLoaded(Consumer<Settings> onFx, Consumer<String> problem) {
        services.settings().thenAcceptAsync(loaded -> {
            settings = loaded.settings();
            onFx.accept(settings);
            loaded.problem().ifPresent(problem);
        }, javafx.application.Platform::runLater);
    }

    public boolean credentialStoreAvailable() {
        return services.credentials().available();
    }

    public String credentialStoreDescription() {
        return services.credentials().description();
    }

    /**
     * Saves what the model holds after a test, and stores or forgets the proxy password as the box
     * says. {@code failed} runs on the FX thread when something could not be saved.
     */
    public CompletableFuture<Void> remember(WizardModel model, Runnable failed) {
        rememberVpnPassword(model);
        settings = model.remember(settings);
        Settings toSave = settings;
        CredentialStore credentials = services.credentials();
        boolean storePassword = model.rememberPassword.get() && model.proxyMode.get() == ProxyMode.MANUAL
                && !model.proxyUser.get().isBlank() && !model.proxyPassword.get().isEmpty() && credentials.available();
        String account = model.credentialAccount();
        char[] password = storePassword ? model.proxyPassword.get().toCharArray() : null;
        boolean forget = !model.rememberPassword.get() && credentials.available() && !model.proxyUser.get().isBlank();
        CompletableFuture<Void> done = new CompletableFuture<>();
        services.background().run(() -> {
            try {
                services.settingsStore().save(toSave);
                if (password != null) {
                    credentials.store(account, password);
                } else if (forget) {
                    credentials.delete(account);
                }
                return null;
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }, ok -> done.complete(null), error -> {
            failed.run();
            done.complete(null);
        });
        return done;
    }

    /**
     * Stores or forgets the VPN password as the sign-in page's box says, in the OS credential store
     * only; never in the settings file.
     */
    void rememberVpnPassword(WizardModel model) {
        CredentialStore credentials = services.credentials();
        if (!credentials.available() || model.vpnUser.get().isBlank()) {
            return;
        }
        String account = model.vpnCredentialAccount();
        char[] password = model.rememberVpnPassword.get() && !model.vpnPassword.get().isEmpty()
                ? model.vpnPassword.get().toCharArray() : null;
        services.background().run(() -> {
            try {
                if (password != null) {
                    credentials.store(account, password);
                } else {
                    credentials.delete(account);
                }
                return null;
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }, ok -> { }, error -> { });
    }

    /** Fills the VPN password from the credential store when one was remembered for this user and server. */
    public void fillRememberedVpnPassword(WizardModel model) {
        if (!model.vpnPassword.get().isEmpty() || model.vpnUser.get().isBlank() || !services.credentials().available()) {
            return;
        }
        String account = model.vpnCredentialAccount();
        services.background().run(() -> services.credentials().read(account), found -> {
            Optional<char[]> chars = found;
            chars.ifPresent(c -> {
                if (account.equals(model.vpnCredentialAccount()) && model.vpnPassword.get().isEmpty()) {
                    model.vpnPassword.set(new String(c));
                    model.rememberVpnPassword.set(true);
                }
                Arrays.fill(c, '\0');
            });
        }, error -> { });
    }

    /** Fills the password field from the credential store when it was remembered for this user and proxy. */
    public void fillRememberedPassword(WizardModel model) {
        if (!model.rememberPassword.get() || !model.proxyPassword.get().isEmpty() || model.proxyUser.get().isBlank()
                || !services.credentials().available()) {
            return;
        }
        String account = model.credentialAccount();
        services.background().run(() -> services.credentials().read(account), found -> {
            Optional<char[]> chars = found;
            // Only into the field of the same user at the same proxy; editing either takes it out again.
            chars.ifPresent(c -> model.fillRememberedPassword(account, c));
            chars.ifPresent(c -> Arrays.fill(c, '\0'));
        }, error -> { }); // no remembered password: the field stays empty, as if never remembered
    }
}
