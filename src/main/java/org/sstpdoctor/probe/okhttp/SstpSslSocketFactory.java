package org.sstpdoctor.probe.okhttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Wraps each TLS socket OkHttp makes so that the SSTP request head goes out in its literal form,
 * and tells the recorder when TLS begins on a raw socket.
 */
final class SstpSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final AttemptRecorder recorder;

    SstpSslSocketFactory(SSLSocketFactory delegate, AttemptRecorder recorder) {
        this.delegate = delegate;
        this.recorder = recorder;
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        if (recorder.viaProxy() && s instanceof TappingSocketFactory.TappedSocket tapped && tapped.tap() != null
                && pageInsteadOfTunnel(tapped.tap().receivedBeforeTls())) {
            // A guest network's proxy answers 200 with its login page and never opens a tunnel: waiting for a
            // ServerHello would only run into the timeout.
            throw new IOException("the proxy answered CONNECT with a web page instead of opening a tunnel");
        }
        recorder.tlsStarting(s);
        return new SstpSslSocket((SSLSocket) delegate.createSocket(s, host, port, autoClose), recorder);
    }

    /** A 2xx answer to CONNECT that carries a page (a tunnel's 200 has no body). */
    static boolean pageInsteadOfTunnel(byte[] received) {
        java.util.List<org.sstpdoctor.probe.HttpReply> replies = RawHttp.parseReplies(received);
        if (replies.isEmpty()) {
            return false;
        }
        org.sstpdoctor.probe.HttpReply last = replies.get(replies.size() - 1);
        if (last.code() < 200 || last.code() >= 300) {
            return false;
        }
        boolean html = last.header("Content-Type").map(t -> t.toLowerCase(java.util.Locale.ROOT).contains("html")).orElse(false);
        long length = last.header("Content-Length").map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
        return html || length > 0;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return wrap(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return wrap(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return wrap(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return wrap(delegate.createSocket(address, port, localAddress, localPort));
    }

    private Socket wrap(Socket socket) {
        return new SstpSslSocket((SSLSocket) socket, recorder);
    }

    /** The TLS socket whose output rewrites the first request head; everything else is the real socket. */
    static final class SstpSslSocket extends DelegatingSslSocket {
        private final AttemptRecorder recorder;
        private OutputStream out;
        private InputStream in;

        SstpSslSocket(SSLSocket delegate, AttemptRecorder recorder) {
            super(delegate);
            this.recorder = recorder;
        }

        /** Counts what comes before the final answer head ends; endless interim answers stop at the limit. */
        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new java.io.FilterInputStream(delegate.getInputStream()) {
                    private long beforeHead;

                    @Override
                    public int read() throws IOException {
                        byte[] one = new byte[1];
                        int n = read(one, 0, 1);
                        return n < 0 ? -1 : one[0] & 0xff;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        if (n > 0 && recorder.response() == null) {
                            beforeHead += n;
                            if (beforeHead > org.sstpdoctor.probe.HeadTooLongException.MAX_HEAD_BYTES) {
                                throw new org.sstpdoctor.probe.HeadTooLongException();
                            }
                        }
                        return n;
                    }
                };
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new RequestHeadRewritingStream(delegate.getOutputStream(), recorder::requestHeadSent);
            }
            return out;
        }
    }
}
