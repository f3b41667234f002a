package org.sstpdoctor.probe.okhttp;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Records the server's chain and what Java's own validation thinks of it, then lets the handshake
 * go on. Looking past a bad certificate is safe here only because the probe never sends the server
 * a secret; the certificate problem is still reported as a failure.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
    private final X509TrustManager validator;
    private final AttemptRecorder recorder;

    RecordingTrustManager(X509TrustManager validator, AttemptRecorder recorder) {
        this.validator = validator;
        this.recorder = recorder;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        check(chain, authType);
    }

    private void check(X509Certificate[] chain, String authType) {
        CertificateException failure = null;
        try {
            validator.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new CertificateException(e.getMessage(), e);
        }
        recorder.certificatesPresented(chain == null ? List.of() : List.of(chain), failure);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("SSTP Doctor is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("SSTP Doctor is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("SSTP Doctor is a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return validator.getAcceptedIssuers();
    }
}
