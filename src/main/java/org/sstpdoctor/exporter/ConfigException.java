package org.sstpdoctor.exporter;

/** A configuration that cannot be used, with a one-line message that names the file, line and key. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
