package org.sstpdoctor.probe;

import org.sstpdoctor.text.PeerText;

/**
 * The SSTP control exchange after the HTTP 200.
 *
 * @param requestHex the Call Connect Request as sent
 * @param answer the message type received ("CALL_CONNECT_ACK"), or empty when none
 * @param answerDescription one line for humans
 * @param answerHex the packet as received (bounded)
 * @param statusCode for a Nak or Abort: the Status Info status, else -1
 * @param statusName its name, else empty
 * @param hashProtocols for an Ack: the hash protocols the server asks for ("SHA-256")
 * @param ending how the probe left: "CALL_DISCONNECT acknowledged", "closed"
 */
public record SstpResult(String requestHex, String answer, String answerDescription, String answerHex,
                         long statusCode, String statusName, String hashProtocols, String ending) {
    public SstpResult {
        // Built from the server's packets: made visible like all peer text (null becomes empty).
        requestHex = PeerText.line(requestHex);
        answer = PeerText.line(answer);
        answerDescription = PeerText.line(answerDescription);
        answerHex = PeerText.line(answerHex);
        statusName = PeerText.line(statusName);
        hashProtocols = PeerText.line(hashProtocols);
        ending = PeerText.line(ending);
    }

    /** The same exchange, left another way (after the sign-in test, which hangs up itself). */
    public SstpResult withEnding(String how) {
        return new SstpResult(requestHex, answer, answerDescription, answerHex, statusCode, statusName, hashProtocols, how);
    }
}
