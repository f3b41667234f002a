package org.sstpdoctor.settings;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a credential helper (secret-tool, security) with secrets only on its standard input, or a
 * read-only system tool (nmcli, wevtutil), and collects its output. A helper that hangs (a keyring
 * waiting for an unlock prompt nobody sees) is killed after the timeout rather than freezing the app;
 * what it prints is cut at a bound so a runaway tool cannot fill memory.
 */
public final class ExternalTool {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Enough for any password or error message; a runaway helper cannot fill memory. */
    private static final int MAX_OUTPUT = 64 * 1024;

    private final Path executable;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final int maxOutput;

    ExternalTool(Path executable, Map<String, String> environment, Duration timeout) {
        this(executable, environment, timeout, MAX_OUTPUT);
    }

    /** A tool whose output is kept up to {@code maxOutput} bytes (the rest is read and dropped). */
    public ExternalTool(Path executable, Map<String, String> environment, Duration timeout, int maxOutput) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
        this.maxOutput = maxOutput;
    }

    /** What the tool did: its exit code, what it printed (bounded) and its error output. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        /** The first line of what the tool said on stderr, for a message. */
        public String firstErrorLine() {
            return stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        }

        void wipe() {
            Arrays.fill(stdout, (byte) 0);
        }
    }

    public Path executable() {
        return executable;
    }

    /**
     * Runs the tool with these arguments (never a secret) and writes {@code stdin} (possibly a
     * secret) to its standard input, then closes it.
     */
    public Result run(List<String> arguments, byte[] stdin) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(executable.getFileName() + " could not be started: " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream(), maxOutput));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream(), MAX_OUTPUT));
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // The tool exited without reading its input; its exit code and stderr below say why.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(executable.getFileName() + " did not finish within " + timeout.toSeconds()
                        + " seconds (is the keyring waiting to be unlocked?)");
            }
            byte[] stdout = out.get(5, TimeUnit.SECONDS);
            String stderr = new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), stdout, stderr);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(executable.getFileName() + " was interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException(executable.getFileName() + "'s output could not be read", e);
        }
    }

    private static byte[] drain(InputStream stream, int maxOutput) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try (stream) {
            int n;
            while ((n = stream.read(chunk)) >= 0) {
                if (buffer.size() < maxOutput) {
                    buffer.write(chunk, 0, Math.min(n, maxOutput - buffer.size()));
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is all there is
        }
        Arrays.fill(chunk, (byte) 0);
        return buffer.toByteArray();
    }

    /** The first executable of this name on the environment's PATH. */
    public static Optional<Path> findOnPath(String name, Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (java.nio.file.InvalidPathException e) {
                // a malformed PATH entry: skip it
            }
        }
        return Optional.empty();
    }

    /** The message with any trace of the password removed, in case a tool ever echoes its input. */
    static String scrub(String message, char[] password) {
        if (message == null || password == null || password.length == 0) {
            return message;
        }
        return message.replace(new String(password), "[hidden]");
    }
}
