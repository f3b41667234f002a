package org.sstpdoctor.probe;

import org.sstpdoctor.text.BoundedFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.sstpdoctor.target.InputException;

/** The trust a probe validates against: the system's CAs, plus the helpdesk's own if given. */
public final class TrustStores {
    private static volatile X509TrustManager systemDefault;
    /** Building a trust store copies ~150 system CAs; a batch of probes with the same extra CAs builds it once. */
    private static final java.util.Map<List<X509Certificate>, X509TrustManager> WITH_EXTRA =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<List<X509Certificate>, X509TrustManager> eldest) {
                    return size() > 8;
                }
            });

    /** A CA file holds a few certificates; a bundle of every public CA is about 250 KB. */
    public static final long MAX_CA_FILE_BYTES = 4L << 20;

    private TrustStores() {
    }

    /** Java's default trust manager (its cacerts), built once. */
    public static X509TrustManager system() {
        X509TrustManager tm = systemDefault;
        if (tm == null) {
            synchronized (TrustStores.class) {
                if (systemDefault == null) {
                    systemDefault = build(null);
                }
                tm = systemDefault;
            }
        }
        return tm;
    }

    /** The system's CAs plus {@code extra}. */
    public static X509TrustManager withExtra(List<X509Certificate> extra) {
        if (extra.isEmpty()) {
            return system();
        }
        X509TrustManager cached = WITH_EXTRA.get(extra);
        if (cached != null) {
            return cached;
        }
        X509TrustManager built = buildWithExtra(extra);
        WITH_EXTRA.put(List.copyOf(extra), built);
        return built;
    }

    private static X509TrustManager buildWithExtra(List<X509Certificate> extra) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : system().getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + i++, ca);
            }
            for (X509Certificate ca : extra) {
                store.setCertificateEntry("extra-" + i++, ca);
            }
            return build(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager build(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager in this Java runtime");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust manager: " + e.getMessage(), e);
        }
    }

    /**
     * Reads CA certificates from a PEM (or DER) file, with a message a person can act on when the
     * file is missing, empty or not a certificate.
     */
    public static List<X509Certificate> readCertificates(Path file) throws InputException {
        String name = file.toString();
        byte[] data;
        try {
            // Only a regular file of sensible size: /dev/zero or a FIFO would otherwise hang or fill the memory.
            data = BoundedFiles.readBytes(file, MAX_CA_FILE_BYTES);
        } catch (NoSuchFileException e) {
            throw new InputException(org.sstpdoctor.target.InputField.TRUSTED_CA_FILE, "The file " + name + " does not exist.");
        } catch (IOException e) {
            String why = String.valueOf(e.getMessage());
            throw new InputException(org.sstpdoctor.target.InputField.TRUSTED_CA_FILE, "The file " + name + (why.startsWith("is ") ? " " + why + "."
                    : " cannot be read: " + why) + " Give a PEM file with one or more CA certificates.");
        }
        try (InputStream in = new java.io.ByteArrayInputStream(data)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                if (c instanceof X509Certificate x509) {
                    out.add(x509);
                }
            }
            if (out.isEmpty()) {
                throw new InputException(org.sstpdoctor.target.InputField.TRUSTED_CA_FILE, "The file " + name
                        + " holds no certificate. Give a PEM file with one or more CA certificates (-----BEGIN CERTIFICATE-----).");
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new InputException(org.sstpdoctor.target.InputField.TRUSTED_CA_FILE, "The file " + name + " does not exist.");
        } catch (CertificateException e) {
            throw new InputException(org.sstpdoctor.target.InputField.TRUSTED_CA_FILE, "The file " + name
                    + " is not a certificate file. Give a PEM file with one or more CA certificates (-----BEGIN CERTIFICATE-----).");
        } catch (IOException e) {
            throw new InputException(org.sstpdoctor.target.InputField.TRUSTED_CA_FILE, "The file " + name + " cannot be read: " + e.getMessage());
        }
    }
}
