package org.sstpdoctor.exporter;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.net.UnknownHostException;

/**
 * Which targets the exporter may probe, so that a scrape URL cannot turn it into a scanner of
 * whatever the caller names. Entries are host names ({@code vpn.example.com}), wildcard suffixes
 * ({@code *.example.com}: any name below it, not the name itself), IP addresses and networks in
 * CIDR form ({@code 203.0.113.0/24}, {@code 2001:db8::/32}). With no entries, every target is allowed.
 */
public final class TargetPolicy {
    public static final TargetPolicy ANY = new TargetPolicy(List.of(), List.of(), List.of());

    private final List<String> names;
    private final List<String> suffixes;
    private final List<Network> networks;

    private TargetPolicy(List<String> names, List<String> suffixes, List<Network> networks) {
        this.names = List.copyOf(names);
        this.suffixes = List.copyOf(suffixes);
        this.networks = List.copyOf(networks);
    }

    /** Parses the entries; a bad one is an {@link IllegalArgumentException} that names it. */
    public static TargetPolicy of(List<String> entries) {
        List<String> names = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        List<Network> networks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("an empty entry");
            }
            if (entry.startsWith("*.")) {
                String suffix = entry.substring(1);
                if (suffix.length() < 2 || suffix.contains("*")) {
                    throw new IllegalArgumentException("'" + raw + "' is not a wildcard like *.example.com");
                }
                suffixes.add(suffix);
            } else if (entry.indexOf('/') >= 0 || literal(entry) != null) {
                networks.add(Network.parse(raw.trim()));
            } else if (entry.matches("[a-z0-9._-]+") && !entry.contains("..")) {
                names.add(entry.endsWith(".") ? entry.substring(0, entry.length() - 1) : entry);
            } else {
                throw new IllegalArgumentException("'" + raw + "' is not a host name, *.suffix, IP address or network");
            }
        }
        return new TargetPolicy(names, suffixes, networks);
    }

    public boolean allowsAny() {
        return names.isEmpty() && suffixes.isEmpty() && networks.isEmpty();
    }

    /** Whether an allowed answer could come from resolving the name (the policy has networks). */
    public boolean hasNetworks() {
        return !networks.isEmpty();
    }

    /** The name itself is allowed (ASCII form, as the address parser gives it). */
    public boolean allowsName(String asciiHost) {
        if (allowsAny()) {
            return true;
        }
        String host = asciiHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (names.contains(host)) {
            return true;
        }
        for (String suffix : suffixes) {
            if (host.endsWith(suffix) && host.length() > suffix.length()) {
                return true;
            }
        }
        return false;
    }

    public boolean allowsAddress(InetAddress address) {
        if (allowsAny()) {
            return true;
        }
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        if (allowsAny()) {
            return "any target";
        }
        List<String> all = new ArrayList<>(names);
        suffixes.forEach(s -> all.add("*" + s));
        networks.forEach(n -> all.add(n.toString()));
        return String.join(", ", all);
    }

    /** An IPv4 or IPv6 literal, or null; never a name lookup. */
    static InetAddress literal(String text) {
        boolean v4 = text.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
        boolean v6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block: the first {@code prefix} bits of {@code base}. */
    record Network(byte[] base, int prefix, String text) {
        static Network parse(String text) {
            int slash = text.indexOf('/');
            String addressPart = slash < 0 ? text : text.substring(0, slash);
            InetAddress address = literal(addressPart);
            if (address == null) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or network");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String p = text.substring(slash + 1);
                if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                    throw new IllegalArgumentException("'" + text + "' has a prefix length that is not 0 to " + bits);
                }
                prefix = Integer.parseInt(p);
            }
            return new Network(address.getAddress(), prefix, text);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != base.length) {
                return false;
            }
            int shift = base.length * 8 - prefix;
            return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, base).shiftRight(shift));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
