package org.sstpdoctor.ui;

import java.io.File;
import java.util.List;

/**
 * Whether a link can open at all. On Linux, JavaFX's HostServices hands the address to the first of
 * these programs on the PATH and, when there is none, only prints to standard error; knowing it here
 * lets the window say so. Windows and macOS always have a handler for https links.
 */
final class Browsers {
    /** The programs JavaFX's Linux HostServices tries, in its order. */
    static final List<String> LINUX = List.of("xdg-open", "google-chrome", "firefox", "opera", "konqueror", "mozilla");
    private static volatile Boolean available;

    private Browsers() {
    }

    static boolean available() {
        Boolean known = available;
        if (known == null) {
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            known = !os.contains("linux") || onPath(System.getenv("PATH"));
            available = known;
        }
        return known;
    }

    static boolean onPath(String path) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String program : LINUX) {
                if (!dir.isEmpty() && new File(dir, program).canExecute()) {
                    return true;
                }
            }
        }
        return false;
    }
}
