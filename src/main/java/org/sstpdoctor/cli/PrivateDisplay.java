package org.sstpdoctor.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An X display of the build's own for the wizard's training run ({@link StartupArchive}): Xvfb, when it
 * is installed, on a display number it picks itself ({@code -displayfd}), so the wizard can paint its
 * first page for real without a window on anyone's screen. Without Xvfb (CI, Windows, macOS) there is
 * none, and the wizard's archive is trained without a window. Closing it stops Xvfb.
 */
final class PrivateDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String name;
    private final Thread stopAtExit;

    private PrivateDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
        // A build stopped with Ctrl+C must not leave Xvfb behind either.
        this.stopAtExit = new Thread(xvfb::destroyForcibly, "stop Xvfb");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Xvfb on a free display, or empty (no Xvfb on the PATH, not an X11 system, or it did not start within 15 s). */
    static Optional<PrivateDisplay> start(String osName, String path) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return Optional.empty();
        }
        Optional<Path> program = onPath("Xvfb", path);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        Process xvfb;
        try {
            // -displayfd 1: Xvfb picks a free display and writes its number to standard output once it accepts clients.
            xvfb = new ProcessBuilder(program.get().toString(), "-displayfd", "1", "-screen", "0", "1280x800x24",
                    "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            } catch (java.io.IOException e) {
                return null;
            }
        });
        try {
            String line = number.get(15, TimeUnit.SECONDS);
            if (line != null && line.strip().matches("\\d{1,5}")) {
                return Optional.of(new PrivateDisplay(xvfb, ":" + line.strip()));
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // no display: the archive is trained without a window
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(xvfb);
        return Optional.empty();
    }

    static Optional<Path> onPath(String program, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The value of {@code DISPLAY} for a client of this display, such as ":7". */
    String name() {
        return name;
    }

    @Override
    public void close() {
        stop(xvfb);
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook stops it
        }
    }

    private static void stop(Process xvfb) {
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            xvfb.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
