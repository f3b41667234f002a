package org.sstpdoctor.kb;

/** Where an entry's facts come from. */
public record Reference(String title, String url) {
}
