package org.sstpdoctor.probe;

/** The three choices of Windows' proxy settings, as the wizard offers them. */
public enum ProxyMode {
    /** Connect straight to the server. */
    NONE,
    /** Whatever this computer is configured with (Java properties, environment, the OS settings). */
    SYSTEM,
    /** A proxy typed by the person. */
    MANUAL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
