package org.sstpdoctor.kb;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The user's configuration folder for SSTP Doctor, by each system's convention. */
public final class ConfigFolder {
    private ConfigFolder() {
    }

    public static Path ofThisUser() {
        return of(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** %APPDATA%\SSTP Doctor; ~/Library/Application Support/SSTP Doctor; $XDG_CONFIG_HOME/sstp-doctor or ~/.config/sstp-doctor. */
    public static Path of(Map<String, String> environment, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming"))
                    .resolve("SSTP Doctor");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "SSTP Doctor");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".config")).resolve("sstp-doctor");
    }
}
