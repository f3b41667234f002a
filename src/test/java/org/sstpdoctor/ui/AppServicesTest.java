package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.settings.CredentialStore;
import org.sstpdoctor.settings.SettingsStore;

/** The app's services load nothing until asked, then everything in the background. */
class AppServicesTest {
    @Test
    void nothingIsReadBeforeStartLoadingThenEverything(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");
        AtomicInteger kbLoads = new AtomicInteger();
        AppServices services = AppServices.loading(() -> {
            kbLoads.incrementAndGet();
            return KnowledgeBase.builtIn();
        }, new SettingsStore(file), CredentialStore.NONE, url -> { });
        assertFalse(services.kb().isDone());
        assertFalse(services.settings().isDone());
        assertEquals(0, kbLoads.get());

        services.startLoading();
        KnowledgeBase kb = services.kb().get(30, TimeUnit.SECONDS);
        AppServices.LoadedSettings settings = services.settings().get(30, TimeUnit.SECONDS);
        assertTrue(kb.byId("http-407").isPresent());
        assertTrue(settings.problem().isPresent(), "a broken settings file is reported, not fatal");
        assertEquals(1, kbLoads.get());
        services.startLoading(); // a second call loads nothing again
        assertEquals(1, kbLoads.get());
        assertSame(services.probe().get(), services.probe().get(), "one probe, made once");
    }
}
