package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The tests load JavaFX as the app does, from the module path: on the class path JavaFX prints
 * "Unsupported JavaFX configuration" at every start, and a green run must look green.
 */
class JavaFxModulesTest {
    @Test
    void javaFxIsLoadedAsModulesWithMonocleInsideJavafxGraphics() throws Exception {
        assertTrue(javafx.scene.Node.class.getModule().isNamed(), javafx.scene.Node.class.getModule().toString());
        assertEquals("javafx.graphics", javafx.scene.Node.class.getModule().getName());
        assertEquals("javafx.controls", javafx.scene.control.Button.class.getModule().getName());
        assertEquals("javafx.fxml", javafx.fxml.FXMLLoader.class.getModule().getName());
        Class<?> monocle = Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
        assertEquals("javafx.graphics", monocle.getModule().getName(), "Monocle is patched into javafx.graphics");
    }
}
