package org.sstpdoctor.probe.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Compares IP literals by value ("::1" equals "0:0:0:0:0:0:0:1"). */
final class IpLiterals {
    private IpLiterals() {
    }

    static String canonical(String literal) {
        String s = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        // Only numeric literals reach here (from certificates or validated input), so no DNS lookup happens.
        if (!s.matches("[0-9a-fA-F:.]+")) {
            return s;
        }
        try {
            return InetAddress.getByName(s).getHostAddress();
        } catch (UnknownHostException e) {
            return s;
        }
    }
}
