package org.sstpdoctor.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sstpdoctor.text.UntrustedText;

/**
 * The name of the computer a test ran on ("alice-laptop"), so that a report read elsewhere says where
 * it came from. Only the name the system gives itself: never a user name. Read once, without a
 * network lookup where the system keeps it in a file or variable (a name lookup of one's own host can
 * wait seconds for a DNS server).
 */
public final class ThisComputer {
    private static final int MAX = 100;
    private static volatile String name;

    private ThisComputer() {
    }

    /** This computer's name, or "" when the system does not say. */
    public static String name() {
        String n = name;
        if (n == null) {
            n = of(System.getenv(), List.of(Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname")), true);
            name = n;
        }
        return n;
    }

    /**
     * The name from {@code COMPUTERNAME} (Windows), the first readable of {@code files} (Linux), then
     * {@code HOSTNAME}, and last, when {@code ask} is set, Java's own host name.
     */
    static String of(Map<String, String> env, List<Path> files, boolean ask) {
        String n = env.getOrDefault("COMPUTERNAME", "");
        for (Path f : files) {
            if (!n.isBlank()) {
                break;
            }
            try {
                if (Files.isRegularFile(f) && Files.size(f) < 4096) {
                    n = Files.readString(f, StandardCharsets.UTF_8).strip();
                }
            } catch (IOException | RuntimeException e) {
                n = "";
            }
        }
        if (n.isBlank()) {
            n = env.getOrDefault("HOSTNAME", "");
        }
        if (n.isBlank() && ask) {
            try {
                n = InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                n = "";
            }
        }
        return UntrustedText.line(n.strip(), MAX);
    }
}
