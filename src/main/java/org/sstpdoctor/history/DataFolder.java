package org.sstpdoctor.history;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's data folder for SSTP Doctor (kept apart from the settings in the config folder, as each
 * system's conventions ask): %LOCALAPPDATA%\SSTP Doctor; ~/Library/Application Support/SSTP Doctor;
 * $XDG_DATA_HOME/sstp-doctor or ~/.local/share/sstp-doctor.
 */
public final class DataFolder {
    private DataFolder() {
    }

    public static Path ofThisUser() {
        return of(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    public static Path of(Map<String, String> environment, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = environment.get("LOCALAPPDATA");
            return (local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local"))
                    .resolve("SSTP Doctor");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "SSTP Doctor");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share"))
                .resolve("sstp-doctor");
    }
}
