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
        return byConvention(environment, osName, userHome, "APPDATA", Path.of(userHome, "AppData", "Roaming"),
                "XDG_CONFIG_HOME", Path.of(userHome, ".config"));
    }

    /**
     * SSTP Doctor's folder under a per-user base folder, by each system's convention: the Windows variable
     * (or its default), ~/Library/Application Support on macOS, the XDG variable (or its default) elsewhere.
     */
    public static Path byConvention(Map<String, String> environment, String osName, String userHome,
                                    String windowsVariable, Path windowsDefault, String xdgVariable, Path xdgDefault) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return orDefault(environment.get(windowsVariable), windowsDefault).resolve("SSTP Doctor");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "SSTP Doctor");
        }
        return orDefault(environment.get(xdgVariable), xdgDefault).resolve("sstp-doctor");
    }

    private static Path orDefault(String value, Path fallback) {
        return value != null && !value.isBlank() ? Path.of(value) : fallback;
    }
}
