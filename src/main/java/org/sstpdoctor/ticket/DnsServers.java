package org.sstpdoctor.ticket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sstpdoctor.settings.ExternalTool;
import org.sstpdoctor.text.Sentences;

/**
 * The DNS servers this computer uses, for the helpdesk file's environment. Read-only, bounded and
 * never failing: when they cannot be read, the answer is no servers and a reason.
 *
 * <p>On Linux and macOS they are the {@code nameserver} lines of {@code /etc/resolv.conf}. On
 * Windows, where there is no such file, PowerShell's {@code Get-DnsClientServerAddress} (module
 * DnsClient, Windows 8 / Server 2012 and later; learn.microsoft.com/powershell/module/dnsclient/
 * get-dnsclientserveraddress) lists each interface's servers, limited to the interfaces
 * {@code Get-NetIPInterface -ConnectionState Connected} reports, so an unplugged adapter's old
 * servers are not shown. PowerShell rather than {@code ipconfig /all} or {@code netsh} because
 * those translate their labels into the system's language; the script prints its own fixed form.
 *
 * @param servers at most {@link #MAX} addresses, in the order the system lists them, no repeats
 * @param source where they came from, or why there are none
 */
public record DnsServers(List<String> servers, String source) {
    static final int MAX = 8;
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_OUTPUT = 64 * 1024;
    /**
     * One line per connected interface: {@code dns|ALIAS|ADDRESS,ADDRESS}. Only the addresses are
     * kept, and they are ASCII, so the console's code page does not matter (setting it fails when
     * there is no console).
     */
    static final String WINDOWS_SCRIPT = "$up = @(Get-NetIPInterface -ConnectionState Connected | ForEach-Object { $_.InterfaceIndex }); "
            + "Get-DnsClientServerAddress | Where-Object { $up -contains $_.InterfaceIndex } | "
            + "ForEach-Object { 'dns|' + $_.InterfaceAlias + '|' + ($_.ServerAddresses -join ',') }";
    /**
     * What Windows lists for an interface that has no DNS server of its own: the IPv6 site-local
     * well-known addresses (RFC 3513 2.5.7, deprecated by RFC 3879), never a real server.
     */
    private static final List<String> WINDOWS_PLACEHOLDERS = List.of("fec0:0:0:ffff::1", "fec0:0:0:ffff::2",
            "fec0:0:0:ffff::3");

    public DnsServers {
        servers = List.copyOf(servers);
    }

    /** How PowerShell is run, so tests can answer with fixture output. */
    @FunctionalInterface
    interface PowerShell {
        String run(List<String> arguments) throws IOException;
    }

    /** This computer's DNS servers. Blocking for up to {@link #TIMEOUT} on Windows: call it off the FX thread. */
    public static DnsServers ofThisComputer() {
        try {
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                return windows(System.getenv());
            }
            return fromResolvConf(Path.of("/etc/resolv.conf"));
        } catch (RuntimeException e) {
            return new DnsServers(List.of(), Sentences.get("dns.not_read", e.getClass().getSimpleName()));
        }
    }

    private static DnsServers windows(Map<String, String> env) {
        Optional<Path> exe = ExternalTool.findOnPath("powershell.exe", env);
        if (exe.isEmpty()) {
            Path p = Path.of(env.getOrDefault("SystemRoot", "C:\\Windows"), "System32", "WindowsPowerShell", "v1.0",
                    "powershell.exe");
            exe = Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        if (exe.isEmpty()) {
            return new DnsServers(List.of(), Sentences.get("dns.no_powershell"));
        }
        ExternalTool tool = new ExternalTool(exe.get(), new LinkedHashMap<>(env), TIMEOUT, MAX_OUTPUT);
        // Whatever the exit code, only the script's own "dns|" lines are read: a module's warning
        // can fail the run after the servers were printed.
        return fromWindows(args -> new String(tool.run(args, null).stdout(), StandardCharsets.UTF_8));
    }

    /** The arguments PowerShell is given: the script encoded, so no quoting can go wrong on its way. */
    static List<String> windowsArguments() {
        String encoded = Base64.getEncoder().encodeToString(WINDOWS_SCRIPT.getBytes(StandardCharsets.UTF_16LE));
        return List.of("-NoProfile", "-NonInteractive", "-EncodedCommand", encoded);
    }

    static DnsServers fromWindows(PowerShell powerShell) {
        String output;
        try {
            output = powerShell.run(windowsArguments());
        } catch (IOException | RuntimeException e) {
            return new DnsServers(List.of(), Sentences.get("dns.no_answer"));
        }
        List<String> out = parseWindows(output);
        return new DnsServers(out, out.isEmpty() ? Sentences.get("dns.none_listed") : Sentences.get("dns.windows"));
    }

    /** The addresses in the script's output; anything that is not an address is skipped. */
    static List<String> parseWindows(String output) {
        List<String> out = new ArrayList<>();
        for (String line : output.split("\r?\n|\r")) {
            String l = line.strip();
            if (l.startsWith("\uFEFF")) {
                l = l.substring(1);
            }
            if (!l.startsWith("dns|")) {
                continue;
            }
            int last = l.lastIndexOf('|');
            if (last < 4) {
                continue;
            }
            for (String a : l.substring(last + 1).split(",")) {
                add(out, a.strip(), true);
            }
        }
        return out;
    }

    /** The {@code nameserver} lines of a resolv.conf (at most 64 KiB read). */
    static DnsServers fromResolvConf(Path resolvConf) {
        try {
            if (!Files.isRegularFile(resolvConf) || Files.size(resolvConf) > 64 * 1024) {
                return new DnsServers(List.of(), Sentences.get("dns.unreadable", String.valueOf(resolvConf)));
            }
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(resolvConf, StandardCharsets.UTF_8)) {
                String[] words = line.strip().split("\\s+");
                if (words.length >= 2 && words[0].equals("nameserver")) {
                    add(out, words[1], false);
                }
            }
            return new DnsServers(out, resolvConf.toString());
        } catch (IOException | RuntimeException e) {
            return new DnsServers(List.of(), Sentences.get("dns.unreadable", String.valueOf(resolvConf)));
        }
    }

    private static void add(List<String> out, String address, boolean windows) {
        if (out.size() >= MAX || !isAddress(address) || out.contains(address)) {
            return;
        }
        String bare = address.toLowerCase(Locale.ROOT).replaceAll("%.*$", "");
        if (windows && WINDOWS_PLACEHOLDERS.contains(bare)) {
            return;
        }
        out.add(address);
    }

    /** An IPv4 or IPv6 address as the system prints it (an IPv6 one perhaps with its %zone); never a name. */
    static boolean isAddress(String s) {
        if (s.length() < 2 || s.length() > 64) {
            return false;
        }
        if (s.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return s.contains(":") && s.matches("[0-9A-Fa-f:.]+(%[0-9A-Za-z_.-]{1,32})?");
    }
}
