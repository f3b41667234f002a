package org.sstpdoctor.sstp;

/**
 * The HTTPS request that opens an SSTP connection ([MS-SSTP] 2.2.1 and 3.2.4.1), defined once for
 * the probe, the address parser and the built-in responder.
 */
public final class SstpHttp {
    /** The request method ([MS-SSTP] 2.2.1). */
    public static final String METHOD = "SSTP_DUPLEX_POST";
    /** The literal path, braces not percent-encoded, as the Windows client sends it ([MS-SSTP] 2.2.1). */
    public static final String PATH = "/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/";
    /** The path as a URL library percent-encodes it; real servers (SoftEther) answer 404 to this form. */
    public static final String ENCODED_PATH = "/sra_%7BBA195980-CD49-458b-9E23-C84EE0ADCD75%7D/";
    /** The Content-Length both sides declare: 2^64-1, more than a Java long holds ([MS-SSTP] 3.2.4.1). */
    public static final String CONTENT_LENGTH = "18446744073709551615";
    /** The path's one segment, without its slashes, for URL builders. */
    public static final String PATH_SEGMENT = PATH.substring(1, PATH.length() - 1);

    private SstpHttp() {
    }
}
