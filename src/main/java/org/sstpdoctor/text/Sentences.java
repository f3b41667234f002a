package org.sstpdoctor.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The sentences the engine-side code makes for people (history, tickets, opened reports, events, VPN
 * connections, and the command line's words for them), from one resource bundle, as the wizard's
 * come from {@code org.sstpdoctor.ui.messages}: a translation is one more properties file. No JavaFX
 * here; the command line and the wizard share these.
 *
 * <p>Every value is a {@link MessageFormat} pattern, with or without arguments, so a quote is always
 * written {@code ''}. Plain numbers are passed as strings (a port 4443 must not become "4,443"); a
 * number is passed as a number only to a {@code choice} (the plural forms).
 */
public final class Sentences {
    public static final String BUNDLE = "org.sstpdoctor.text.sentences";

    private Sentences() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    /** The sentence {@code key}, its arguments put in. */
    public static String get(String key, Object... args) {
        return new MessageFormat(bundle().getString(key), Locale.getDefault()).format(args);
    }
}
