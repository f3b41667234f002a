package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's own X display for the wizard's training run, with a stand-in for Xvfb. */
class PrivateDisplayTest {
    @TempDir
    Path dir;

    @Test
    void noneOnWindowsMacOrWithoutXvfb() throws Exception {
        fakeXvfb("echo 42; exec sleep 60");
        assertTrue(PrivateDisplay.start("Windows 11", dir.toString()).isEmpty());
        assertTrue(PrivateDisplay.start("Mac OS X", dir.toString()).isEmpty());
        assertTrue(PrivateDisplay.start("Linux", dir.resolve("empty").toString()).isEmpty());
        assertTrue(PrivateDisplay.start("Linux", null).isEmpty());
    }

    @Test
    void findsOnlyAnExecutableProgramOnThePath() throws Exception {
        Path notExecutable = Files.createDirectories(dir.resolve("a")).resolve("Xvfb");
        Files.writeString(notExecutable, "");
        Path bin = Files.createDirectories(dir.resolve("b"));
        String path = dir.resolve("a") + java.io.File.pathSeparator + java.io.File.pathSeparator + bin;
        assertEquals(Optional.empty(), PrivateDisplay.onPath("Xvfb", path));
        Path program = bin.resolve("Xvfb");
        Files.writeString(program, "#!/bin/sh\n");
        program.toFile().setExecutable(true);
        assertEquals(Optional.of(program), PrivateDisplay.onPath("Xvfb", path));
    }

    /** The display number Xvfb writes (-displayfd 1) names the display; closing stops Xvfb. */
    @Test
    void usesTheDisplayXvfbChoseAndStopsItWhenClosed() throws Exception {
        if (!posix()) {
            return; // the stand-in is a shell script
        }
        Path pid = dir.resolve("pid");
        fakeXvfb("echo \"$@\" > '" + dir.resolve("args") + "'; echo $$ > '" + pid + "'; echo 42; exec sleep 60");
        ProcessHandle xvfb;
        try (PrivateDisplay display = PrivateDisplay.start("Linux", dir.toString()).orElseThrow()) {
            assertEquals(":42", display.name());
            xvfb = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElseThrow();
            assertTrue(xvfb.isAlive());
            assertEquals("-displayfd 1 -screen 0 1280x800x24 -nolisten tcp", Files.readString(dir.resolve("args")).strip());
        }
        xvfb.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(xvfb.isAlive());
    }

    @Test
    void anXvfbThatNamesNoDisplayIsStoppedAndNoneIsUsed() throws Exception {
        if (!posix()) {
            return;
        }
        Path pid = dir.resolve("pid");
        fakeXvfb("echo $$ > '" + pid + "'; echo 'Fatal server error'; exec sleep 60");
        assertTrue(PrivateDisplay.start("Linux", dir.toString()).isEmpty());
        Optional<ProcessHandle> xvfb = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
        if (xvfb.isPresent()) {
            xvfb.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS); // a TimeoutException if it was left running
        }
    }

    private boolean posix() throws Exception {
        return Files.getFileStore(dir).supportsFileAttributeView("posix") && Files.isExecutable(Path.of("/bin/sh"));
    }

    private void fakeXvfb(String body) throws Exception {
        Path xvfb = dir.resolve("Xvfb");
        Files.writeString(xvfb, "#!/bin/sh\n" + body + "\n");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(xvfb, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
