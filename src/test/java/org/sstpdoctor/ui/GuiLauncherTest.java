package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a display, without GTK, or with a mistyped scenario: one line that says so, never a stack trace. */
class GuiLauncherTest {
    @Test
    void noDisplayOnLinuxIsOneLineThatPointsAtTheCommandLine() {
        String message = GuiLauncher.missingDisplay("Linux", Map.of()).orElseThrow();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("display") && message.contains("probe"), message);
        assertTrue(GuiLauncher.missingDisplay("Linux", Map.of("DISPLAY", ":0")).isEmpty());
        assertTrue(GuiLauncher.missingDisplay("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")).isEmpty());
        assertTrue(GuiLauncher.missingDisplay("Windows 11", Map.of()).isEmpty());
        assertTrue(GuiLauncher.missingDisplay("Mac OS X", Map.of()).isEmpty());
    }

    @Test
    void missingGtkNamesGtk3AndThePackage() {
        String message = GuiLauncher.cannotOpen(new RuntimeException(new UnsatisfiedLinkError(
                "libgtk-3.so.0: cannot open shared object file: No such file or directory\n\tmore")));
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("GTK 3") && message.contains("libgtk-3-0") && message.contains("probe"), message);
        String pipeline = GuiLauncher.cannotOpen(new RuntimeException("Error initializing QuantumRenderer: no suitable pipeline found"));
        assertTrue(pipeline.contains("GTK 3"), pipeline);
    }

    @Test
    void anUnknownPracticeScenarioIsAnErrorThatListsTheScenarios() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GuiLauncher.launch(new String[] {"--practice=bogus"}, new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(GuiLauncher.BAD_USAGE, code);
        assertTrue(text.contains("bogus") && text.contains("working") && text.contains("nak"), text);
        assertEquals(1, text.strip().lines().count(), text);
        assertFalse(DesktopApp.practiceProblem(new String[] {"--practice=nak"}).isPresent());
        assertFalse(DesktopApp.practiceProblem(new String[] {"--practice"}).isPresent());
    }

    @Test
    void theWizardsOwnArgumentsOpenTheWizardEverythingElseIsTheCommandLine() {
        assertTrue(GuiLauncher.isWizard(new String[0]));
        assertTrue(GuiLauncher.isWizard(new String[] {"--debug"}));
        assertTrue(GuiLauncher.isWizard(new String[] {"--practice=nak", "--debug"}));
        assertFalse(GuiLauncher.isWizard(new String[] {"probe", "vpn.example.com"}));
        assertFalse(GuiLauncher.isWizard(new String[] {"--debug", "probe", "vpn.example.com"}));
    }
}
