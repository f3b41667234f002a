package org.sstpdoctor.probe;

import org.sstpdoctor.text.TypedAddress;

/** The server as typed and as understood. */
public record TargetInfo(String typed, String host, String displayHost, int port, String sstpUrl) {
    /** What was typed is echoed in every report and batch row: never with a password, never with raw controls. */
    public TargetInfo {
        typed = TypedAddress.forDisplay(typed);
    }
}
