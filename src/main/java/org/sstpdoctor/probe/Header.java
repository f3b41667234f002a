package org.sstpdoctor.probe;

/** One HTTP header line as received (name case kept). */
public record Header(String name, String value) {
}
