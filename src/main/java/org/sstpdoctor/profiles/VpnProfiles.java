package org.sstpdoctor.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sstpdoctor.settings.ExternalTool;
import org.sstpdoctor.text.Sentences;

/**
 * The VPN connections already set up on this computer: Windows' phone books (this user's and all
 * users'), NetworkManager's SSTP connections on Linux. Read-only, and it never fails: a missing,
 * unreadable or strange source is simply not offered. Call it off the FX thread (nmcli runs here).
 */
public final class VpnProfiles {
    static final Duration NMCLI_TIMEOUT = Duration.ofSeconds(4);
    private static final int NMCLI_OUTPUT = 256 * 1024;
    private static final int MAX_NM_CONNECTIONS = 40;
    /** All nmcli calls together stop after this: a slow NetworkManager costs seconds, never minutes. */
    static final Duration NMCLI_BUDGET = Duration.ofSeconds(10);

    private final Map<String, String> environment;
    private final String osName;

    public VpnProfiles(Map<String, String> environment, String osName) {
        this.environment = Map.copyOf(environment);
        this.osName = osName;
    }

    public static VpnProfiles ofThisComputer() {
        return new VpnProfiles(System.getenv(), System.getProperty("os.name", ""));
    }

    /** Every profile found, SSTP ones first, without duplicates (same name and server). */
    public List<VpnProfile> find() {
        List<VpnProfile> all = new ArrayList<>();
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            phonebook("APPDATA", Sentences.get("profile.source.user")).ifPresent(all::addAll);
            phonebook("ProgramData", Sentences.get("profile.source.all_users")).ifPresent(all::addAll);
        } else if (os.contains("linux")) {
            all.addAll(networkManager());
        }
        Map<String, VpnProfile> unique = new LinkedHashMap<>();
        for (VpnProfile p : all) {
            unique.putIfAbsent(p.name() + "\u0000" + p.server().toLowerCase(Locale.ROOT), p);
        }
        List<VpnProfile> out = new ArrayList<>(unique.values());
        out.sort((a, b) -> Integer.compare(a.sstp().ordinal(), b.sstp().ordinal()));
        return List.copyOf(out);
    }

    /** The profile with this connection name (as Windows' events name it), if any. */
    public static Optional<VpnProfile> named(List<VpnProfile> profiles, String name) {
        return profiles.stream().filter(p -> p.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    private Optional<List<VpnProfile>> phonebook(String variable, String source) {
        String base = environment.get(variable);
        if (base == null || base.isBlank()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(base, "Microsoft", "Network", "Connections", "Pbk", "rasphone.pbk");
            return Optional.of(PhonebookParser.parse(readBounded(file, PhonebookParser.MAX_BYTES), source));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The file's bytes, or nothing when it is missing or larger than {@code max}. */
    static byte[] readBounded(Path file, int max) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > max) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max + 1);
        }
    }

    private List<VpnProfile> networkManager() {
        Optional<Path> nmcli = ExternalTool.findOnPath("nmcli", environment);
        if (nmcli.isEmpty()) {
            return List.of();
        }
        // C locale: nmcli's field names and "vpn" type are then the untranslated ones parsed here.
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LC_ALL", "C");
        env.put("PATH", environment.getOrDefault("PATH", ""));
        ExternalTool tool = new ExternalTool(nmcli.get(), env, NMCLI_TIMEOUT, NMCLI_OUTPUT);
        return fromNmcli(args -> {
            ExternalTool.Result r = tool.run(args, null);
            return r.exitCode() == 0 ? new String(r.stdout(), StandardCharsets.UTF_8) : "";
        });
    }

    /** How nmcli is asked, so tests can answer in its place. */
    @FunctionalInterface
    interface Nmcli {
        String run(List<String> arguments) throws IOException;
    }

    static List<VpnProfile> fromNmcli(Nmcli nmcli) {
        return fromNmcli(nmcli, System.nanoTime() + NMCLI_BUDGET.toNanos());
    }

    static List<VpnProfile> fromNmcli(Nmcli nmcli, long deadlineNanos) {
        List<VpnProfile> out = new ArrayList<>();
        try {
            List<NetworkManagerParser.Listed> listed = NetworkManagerParser.vpnConnections(
                    nmcli.run(List.of("-t", "-f", "NAME,UUID,TYPE", "connection", "show")));
            for (NetworkManagerParser.Listed c : listed.subList(0, Math.min(listed.size(), MAX_NM_CONNECTIONS))) {
                if (System.nanoTime() - deadlineNanos > 0) {
                    break; // out of time: offer what was read
                }
                try {
                    NetworkManagerParser.profile(nmcli.run(List.of("-t", "-f",
                            "connection.id,vpn.service-type,vpn.data", "connection", "show", "uuid", c.uuid())))
                            .ifPresent(out::add);
                } catch (IOException e) {
                    // this one could not be read; the others still can
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }
}
