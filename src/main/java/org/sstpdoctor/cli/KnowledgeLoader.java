package org.sstpdoctor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.kb.SiteOverrides;

/** The knowledge base with the site's overrides; problems with the overrides become warnings, never failures. */
final class KnowledgeLoader {
    private KnowledgeLoader() {
    }

    static KnowledgeBase load(CliContext context, Path explicit, PrintWriter err) {
        KnowledgeBase builtIn = KnowledgeBase.builtIn();
        Path file = explicit != null ? explicit
                : SiteOverrides.defaultLocation(context.environment(), System.getProperty("os.name", ""), context.userHome());
        if (explicit != null && !Files.exists(explicit)) {
            err.println("warning: the site overrides file " + explicit + " does not exist; the built-in text is used.");
            return builtIn;
        }
        Set<String> ids = builtIn.ids();
        SiteOverrides overrides = SiteOverrides.load(file, ids);
        overrides.problems().forEach(p -> err.println("warning: " + p));
        err.flush();
        return builtIn.withOverrides(overrides);
    }
}
