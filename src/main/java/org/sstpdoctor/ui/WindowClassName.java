package org.sstpdoctor.ui;

/**
 * The window's class name (X11 {@code WM_CLASS}), which docks and task bars use to tie a window to
 * its menu entry ({@code StartupWMClass=sstp-doctor} in installers/linux/sstp-doctor.desktop).
 * JavaFX has no public API for it: it names the window after the Application subclass
 * ({@code org.sstpdoctor.ui.DesktopApp}) through its internal {@code com.sun.glass.ui.Application}.
 * Glass takes only the first name it is given, and JavaFX gives it the class name right after
 * constructing the application (on the FX thread), so DesktopApp's constructor calls {@link #apply()}.
 * Where JavaFX is a named module that package must be exported
 * ({@code --add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED}, as the installers' launchers
 * pass); without it the default name stays, which only affects how docks group the window.
 */
final class WindowClassName {
    static final String NAME = "sstp-doctor";

    private WindowClassName() {
    }

    static void apply() {
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            Object application = glass.getMethod("GetApplication").invoke(null);
            if (application != null) {
                glass.getMethod("setName", String.class).invoke(application, NAME);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not exported or not there (another toolkit): keep JavaFX's default name.
        }
    }
}
