package org.sstpdoctor.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;
import org.sstpdoctor.probe.SstpProbe;

/**
 * What the commands take from the outside world, so that tests can give their own: the probe (with
 * a fake resolver), the environment (for the password variable) and standard input.
 *
 * @param interactive whether a person is at a terminal (progress lines, password prompt)
 * @param userHome where the user's config folder is looked for (site overrides of the knowledge base)
 */
public record CliContext(Supplier<SstpProbe> probes, Map<String, String> environment, InputStream stdin,
                         boolean interactive, String userHome) {
    public static CliContext ofThisProcess() {
        return new CliContext(org.sstpdoctor.probe.okhttp.OkHttpProbes::standard, System.getenv(), System.in, System.console() != null,
                System.getProperty("user.home", "."));
    }
}
