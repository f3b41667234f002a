package org.sstpdoctor.signin;

import java.util.Locale;

/**
 * The text of an MS-CHAPv2 Success ("S=&lt;40 hex&gt; M=&lt;message&gt;") or Failure
 * ("E=691 R=1 C=&lt;challenge&gt; V=3 M=&lt;message&gt;") packet, RFC 2759 §5 and §6.
 *
 * @param errorCode the E= value (a Windows error such as 691 or 649), or -1
 * @param authenticatorResponse the "S=..." part, or ""
 * @param message the M= text, sanitised, or ""
 */
record ChapMessage(int errorCode, String authenticatorResponse, String message) {

    static ChapMessage parse(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
        int error = -1;
        String s = "";
        String message = "";
        int m = text.indexOf("M=");
        String head = m < 0 ? text : text.substring(0, m);
        if (m >= 0) {
            message = PppIo.peerText(text.substring(m + 2).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        for (String part : head.trim().split("\\s+")) {
            String upper = part.toUpperCase(Locale.ROOT);
            if (upper.startsWith("E=")) {
                try {
                    error = Integer.parseInt(part.substring(2).trim());
                } catch (NumberFormatException e) {
                    error = -1;
                }
            } else if (upper.startsWith("S=") && part.length() == 42) {
                s = part;
            }
        }
        return new ChapMessage(error, s, message);
    }
}
