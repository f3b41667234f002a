package org.sstpdoctor.probe.okhttp;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * The trust manager as OkHttp is given it beside the socket factory. The certificate is checked,
 * and recorded, by the {@link RecordingTrustManager} inside the socket factory's SSL context; OkHttp
 * uses the one it is given only to clean chains for certificate pinning, which the probe does not
 * use, and it indexes that one's accepted issuers when the client is built: every system CA, hashed
 * by its canonical name, on every attempt. So this view names no issuers; its checks are the
 * recording trust manager's own.
 */
final class PinningOnlyView implements X509TrustManager {
    private static final X509Certificate[] NONE = new X509Certificate[0];
    private final X509TrustManager checks;

    PinningOnlyView(X509TrustManager checks) {
        this.checks = checks;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checks.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checks.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NONE;
    }
}
