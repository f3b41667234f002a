package org.sstpdoctor.probe;

/** The server as typed and as understood. */
public record TargetInfo(String typed, String host, String displayHost, int port, String sstpUrl) {
}
