package org.sstpdoctor.ui;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.probe.SstpProbe;
import org.sstpdoctor.settings.CredentialStore;
import org.sstpdoctor.settings.Settings;
import org.sstpdoctor.settings.SettingsStore;

/**
 * What the wizard needs from outside, gathered in one place so tests can hand it a loopback-only
 * probe, a settings file in a temporary folder and no credential store. The knowledge base and the
 * remembered settings arrive as futures: the app reads them in the background once the first page
 * is on screen.
 */
public final class AppServices {
    /** Settings as read, with the message to show when the file could not be used. */
    public record LoadedSettings(Settings settings, Optional<String> problem) {
        static LoadedSettings from(SettingsStore store) {
            Settings s = store.load();
            return new LoadedSettings(s, store.lastProblem());
        }
    }

    private final CompletableFuture<KnowledgeBase> kb = new CompletableFuture<>();
    private final CompletableFuture<LoadedSettings> settings = new CompletableFuture<>();
    private final Supplier<SstpProbe> probe;
    private final SettingsStore settingsStore;
    private final CredentialStore credentials;
    private final Consumer<String> openUrl;
    private final Supplier<KnowledgeBase> kbLoader;
    private final BackgroundJobs background = new BackgroundJobs();
    private final java.util.concurrent.atomic.AtomicBoolean loadingStarted = new java.util.concurrent.atomic.AtomicBoolean();

    private AppServices(Supplier<KnowledgeBase> kbLoader, Supplier<SstpProbe> probe, SettingsStore store,
                        CredentialStore credentials, Consumer<String> openUrl) {
        this.kbLoader = kbLoader;
        this.probe = probe;
        this.settingsStore = store;
        this.credentials = credentials;
        this.openUrl = openUrl;
    }

    /** Everything at hand already, the probe made on first use by {@code probe} (tests). */
    public static AppServices ready(KnowledgeBase kb, Supplier<SstpProbe> probe, SettingsStore store,
                                    CredentialStore credentials, Consumer<String> openUrl) {
        AppServices s = new AppServices(() -> kb, probe, store, credentials, openUrl);
        s.kb.complete(kb);
        s.settings.complete(LoadedSettings.from(store));
        return s;
    }

    /** Everything at hand already (tests). */
    public static AppServices ready(KnowledgeBase kb, SstpProbe probe, SettingsStore store, CredentialStore credentials,
                                    Consumer<String> openUrl) {
        AppServices s = new AppServices(() -> kb, () -> probe, store, credentials, openUrl);
        s.kb.complete(kb);
        s.settings.complete(LoadedSettings.from(store));
        return s;
    }

    /** For the app: nothing is read until {@link #startLoading()}; the probe is made at its first use. */
    public static AppServices loading(Supplier<KnowledgeBase> kb, SettingsStore store, CredentialStore credentials,
                                      Consumer<String> openUrl) {
        Supplier<SstpProbe> probe = new Supplier<>() {
            private SstpProbe made;

            @Override
            public synchronized SstpProbe get() {
                if (made == null) {
                    made = org.sstpdoctor.probe.okhttp.OkHttpProbes.standard();
                }
                return made;
            }
        };
        return new AppServices(kb, probe, store, credentials, openUrl);
    }

    /**
     * Reads settings and the knowledge base on a background thread. Called once the first page is on
     * screen, so Jackson's class loading does not compete with the first paint for the CPU.
     */
    public void startLoading() {
        if ((kb.isDone() && settings.isDone()) || !loadingStarted.compareAndSet(false, true)) {
            return;
        }
        background.executor().execute(() -> {
            complete(settings, () -> LoadedSettings.from(settingsStore));
            complete(kb, kbLoader);
        });
    }

    private static <T> void complete(CompletableFuture<T> future, Supplier<T> value) {
        try {
            future.complete(value.get());
        } catch (RuntimeException | Error e) {
            future.completeExceptionally(e);
        }
    }

    public CompletableFuture<KnowledgeBase> kb() {
        return kb;
    }

    private org.sstpdoctor.ticket.Helpdesk helpdesk;

    /**
     * This computer's VPN profiles, recent VPN errors and history. Made at first use (nothing is read
     * at start-up); its methods block, so pages call them through {@link #background()}.
     */
    public synchronized org.sstpdoctor.ticket.Helpdesk helpdesk() {
        if (helpdesk == null) {
            helpdesk = org.sstpdoctor.ticket.Helpdesk.ofThisUser();
        }
        return helpdesk;
    }

    /** Uses this helpdesk instead (tests: a history in a temporary folder, fixture profiles). */
    public synchronized AppServices withHelpdesk(org.sstpdoctor.ticket.Helpdesk given) {
        this.helpdesk = given;
        return this;
    }

    public Supplier<SstpProbe> probe() {
        return probe;
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    public CompletableFuture<LoadedSettings> settings() {
        return settings;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    public Consumer<String> openUrl() {
        return openUrl;
    }

    /** The executor for every blocking job of the wizard. */
    public BackgroundJobs background() {
        return background;
    }

    /** Stops the background threads (the window is closing). */
    public void close() {
        background.close();
    }
}
