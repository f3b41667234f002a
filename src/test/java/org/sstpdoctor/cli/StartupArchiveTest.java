package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launchers the build writes beside the jar (target/sstp-doctor, target/sstp-doctor.cmd). */
class StartupArchiveTest {
    @TempDir
    Path dir;

    @Test
    void shellLauncherUsesTheArchiveTheJarAndTheJavaBesideIt() throws Exception {
        StartupArchive.writeLaunchers(dir, Path.of("/opt/it's java/bin/java"), "sstp-doctor.jar", "sstp-doctor.jsa");
        String sh = Files.readString(dir.resolve("sstp-doctor"));
        assertTrue(sh.startsWith("#!/bin/sh\n"), sh);
        // the path is single-quoted, with the quote inside it escaped for sh
        assertTrue(sh.contains("JAVA='/opt/it'\\''s java/bin/java'\n"), sh);
        assertTrue(sh.contains("[ -x \"$JAVA\" ] || JAVA=java\n"), sh);
        String exec = sh.lines().filter(l -> l.startsWith("exec ")).findFirst().orElseThrow();
        assertEquals("exec \"$JAVA\" -XX:SharedArchiveFile=\"$HERE/sstp-doctor.jsa\" -XX:TieredStopAtLevel=1"
                + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off --module-path \"$HERE/javafx\""
                + " --add-modules javafx.controls,javafx.fxml -jar \"$HERE/sstp-doctor.jar\" \"$@\"", exec);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertTrue(Files.isExecutable(dir.resolve("sstp-doctor")));
        }
    }

    @Test
    void windowsLauncherUsesItsOwnFolderAndPassesTheExitCodeOn() throws Exception {
        StartupArchive.writeLaunchers(dir, Path.of("/jdk/bin/java.exe"), "sstp-doctor.jar", "sstp-doctor.jsa");
        List<String> cmd = List.of(Files.readString(dir.resolve("sstp-doctor.cmd")).split("\r\n"));
        assertEquals("@echo off", cmd.get(0));
        assertTrue(cmd.contains("\"%JAVA%\" -XX:SharedArchiveFile=\"%~dp0sstp-doctor.jsa\" -XX:TieredStopAtLevel=1"
                + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off --module-path \"%~dp0javafx\""
                + " --add-modules javafx.controls,javafx.fxml -jar \"%~dp0sstp-doctor.jar\" %*"), cmd.toString());
        assertTrue(cmd.contains("exit /b %ERRORLEVEL%"), cmd.toString());
    }
}
