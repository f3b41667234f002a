package org.sstpdoctor.exporter;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.sstpdoctor.probe.ProxySettings;

/**
 * One module of the exporter's configuration: how to probe, as a blackbox exporter module says it.
 * Validated when the configuration is loaded, so a probe request never meets a bad module.
 *
 * @param name the module's name, as scrape configs give it in {@code ?module=}
 * @param proxy none, the system's settings, or a typed proxy
 * @param proxyText the proxy as written in the file, for the status page
 * @param trustCa the CA files named in the module, in order
 * @param extraTrust the certificates read from those files at load time
 * @param timeout the longest one probe of this module may take (the scrape timeout may shorten it)
 * @param expectedCertificate the leaf certificate's fingerprint the gateway must present (upper-case hex), or empty
 * @param windowsCheck whether each Windows family's TLS handshake is tried (on by default)
 * @param revocationCheck whether the chain's revocation is checked as Windows checks it (on by default;
 *                        off, the report and the metrics say "not checked", never "good")
 * @param signIn the account for the sign-in test, or null for none
 */
public record ModuleConfig(String name, ProxySettings proxy, String proxyText, List<Path> trustCa,
                           List<X509Certificate> extraTrust, Duration timeout, String expectedCertificate,
                           boolean windowsCheck, boolean revocationCheck, ModuleSignIn signIn) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ModuleConfig {
        trustCa = List.copyOf(trustCa);
        extraTrust = List.copyOf(extraTrust);
        expectedCertificate = expectedCertificate == null ? "" : expectedCertificate;
    }

    /** The module used when no configuration file is given: system proxy, system CAs, 10 s. */
    public static ModuleConfig defaultModule() {
        return new ModuleConfig("default", ProxySettings.SYSTEM, "system", List.of(), List.of(), DEFAULT_TIMEOUT, "", true, true, null);
    }
}
