package org.sstpdoctor.target;

import java.net.Inet6Address;
import java.net.InetAddress;

/** IP addresses as people write them: IPv6 compressed ("::1", not "0:0:0:0:0:0:0:1"). */
public final class IpAddresses {
    private IpAddresses() {
    }

    public static String toText(InetAddress address) {
        String text = address.getHostAddress();
        if (!(address instanceof Inet6Address)) {
            return text;
        }
        int zone = text.indexOf('%');
        String bare = zone < 0 ? text : text.substring(0, zone);
        try {
            return HostParser.parseIpv6(bare, InputField.ADDRESS) + (zone < 0 ? "" : text.substring(zone));
        } catch (InputException e) {
            return text;
        }
    }

    /** An IPv6 literal's canonical form, or the text unchanged if it is not one. */
    public static String canonical(String literal) {
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        try {
            return HostParser.parseIpv6(literal, InputField.ADDRESS);
        } catch (InputException e) {
            return literal;
        }
    }
}
