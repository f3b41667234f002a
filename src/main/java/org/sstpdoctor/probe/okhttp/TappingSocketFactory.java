package org.sstpdoctor.probe.okhttp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Makes the raw sockets OkHttp connects with, so the probe can time the TCP connect itself and see
 * every byte a proxy answers to CONNECT (OkHttp reports a refused CONNECT only as an exception).
 */
final class TappingSocketFactory extends SocketFactory {
    private final AttemptRecorder recorder;

    TappingSocketFactory(AttemptRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public Socket createSocket() {
        return new TappedSocket(recorder);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    /** A plain socket that reports its connect and taps its streams. */
    static final class TappedSocket extends Socket {
        private final AttemptRecorder recorder;
        private SocketTap tap;
        private InputStream in;
        private OutputStream out;

        TappedSocket(AttemptRecorder recorder) {
            this.recorder = recorder;
            recorder.socketOpened(this);
        }

        SocketTap tap() {
            return tap;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            String remote = describe(endpoint);
            tap = new SocketTap(remote);
            recorder.tcpConnectStarted(remote, tap);
            long started = System.nanoTime();
            try {
                super.connect(endpoint, timeout);
            } catch (IOException | RuntimeException e) {
                if (org.sstpdoctor.probe.Failure.of(e).is(org.sstpdoctor.probe.Failure.Kind.RESET)) {
                    // ECONNRESET, not ECONNREFUSED: the handshake completed and the peer reset at once,
                    // before connect() returned. The TCP stage passed; the next stage meets the reset.
                    recorder.tcpConnected(remote, " connected, then reset");
                } else if (timeout > 0 && isClosed() && (System.nanoTime() - started) / 1_000_000 >= timeout) {
                    // On a loaded machine the call's time limit can close the socket before its own connect
                    // timeout is reported: the attempt waited its whole time without an answer all the same.
                    recorder.tcpConnectFailed(remote, new java.net.SocketTimeoutException("connect timed out"));
                } else {
                    recorder.tcpConnectFailed(remote, e);
                }
                throw e;
            }
            // Connected: whatever happens next (a reset at once, say) happens after the TCP stage.
            recorder.tcpConnected(remote, " connected");
            try {
                // The SSTP exchange is a few small writes each waiting for an answer: Nagle's algorithm
                // against delayed ACKs would add 40 ms stalls to them.
                setTcpNoDelay(true);
            } catch (java.net.SocketException e) {
                // A peer that reset the connection already: the first read or write reports it.
            }
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                InputStream raw = super.getInputStream();
                in = new FilterInputStream(raw) {
                    @Override
                    public int read() throws IOException {
                        byte[] one = new byte[1];
                        int n = read(one, 0, 1);
                        return n < 0 ? -1 : one[0] & 0xff;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        if (n > 0 && tap != null) {
                            tap.onReceived(b, off, n);
                            if (!tap.tlsStarted() && tap.bytesReceivedBeforeTls() > org.sstpdoctor.probe.HeadTooLongException.MAX_HEAD_BYTES) {
                                throw new org.sstpdoctor.probe.HeadTooLongException(); // a proxy's CONNECT answers are a few hundred bytes
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
                OutputStream raw = super.getOutputStream();
                out = new FilterOutputStream(raw) {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (tap != null) {
                            tap.onSent(b, off, len);
                        }
                        raw.write(b, off, len);
                    }
                };
            }
            return out;
        }

        @Override
        public synchronized void close() throws IOException {
            super.close();
            recorder.socketClosed(this);
        }

        private static String describe(SocketAddress endpoint) {
            if (endpoint instanceof InetSocketAddress isa && isa.getAddress() != null) {
                String host = org.sstpdoctor.target.IpAddresses.toText(isa.getAddress());
                return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + isa.getPort();
            }
            return String.valueOf(endpoint);
        }
    }
}
