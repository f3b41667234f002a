package org.sstpdoctor.history;

import java.nio.file.Path;
import java.util.Map;
import org.sstpdoctor.kb.ConfigFolder;

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
        return ConfigFolder.byConvention(environment, osName, userHome, "LOCALAPPDATA",
                Path.of(userHome, "AppData", "Local"), "XDG_DATA_HOME", Path.of(userHome, ".local", "share"));
    }
}
