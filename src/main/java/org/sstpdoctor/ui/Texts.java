package org.sstpdoctor.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The wizard's strings, all from one resource bundle so a translation is one more properties file. */
public final class Texts {
    public static final String BUNDLE = "org.sstpdoctor.ui.messages";

    private Texts() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    public static String get(String key, Object... args) {
        String pattern = bundle().getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
    }
}
