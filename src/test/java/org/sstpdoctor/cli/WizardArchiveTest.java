package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's training run: started with -cp, it is given what the jar's manifest grants under -jar. */
class WizardArchiveTest {
    @TempDir
    Path dir;

    @Test
    void theManifestsExportsAndOpensBecomeOptionsForTheUnnamedModule() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Add-Exports", "javafx.base/com.sun.javafx.event  javafx.graphics/com.sun.glass.ui");
        manifest.getMainAttributes().putValue("Add-Opens", "javafx.graphics/javafx.scene");
        Path jar = dir.resolve("app.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        assertEquals(List.of("--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED",
                "--add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED",
                "--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED"), WizardArchive.manifestAccess(jar));
    }

    @Test
    void aJarWithoutThemGivesNone() throws Exception {
        Path jar = dir.resolve("plain.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.flush();
        }
        assertEquals(List.of(), WizardArchive.manifestAccess(jar));
    }
}
