/**
 * SSTP packet codec ([MS-SSTP] section 2.2), shared by the probe (client side) and the
 * built-in responder (server side).
 *
 * <p>This package knows nothing of HTTP, TLS or the UI and depends only on the JDK. Decoding is
 * strict about framing (version, lengths, attribute layout) but leaves the meaning of messages to
 * its callers, so a diagnosis can report exactly what a peer sent.
 */
package org.sstpdoctor.sstp;
