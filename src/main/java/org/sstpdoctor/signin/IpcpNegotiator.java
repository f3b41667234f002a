package org.sstpdoctor.signin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sstpdoctor.ppp.CpOption;
import org.sstpdoctor.ppp.CpPacket;
import org.sstpdoctor.ppp.PppFormatException;
import org.sstpdoctor.ppp.PppFrame;

/**
 * IPCP (RFC 1332) until the server offers an address: the client asks for 0.0.0.0 and, as Windows
 * does, for DNS servers (RFC 1877 options 129 and 131); the server's Configure-Nak carries the
 * address, which the client then requests and the server acknowledges. The server's own request
 * is acknowledged. A Reject of the address, a Nak offering 0.0.0.0, an IPCP Terminate or an LCP
 * Protocol-Reject of IPCP all mean: no address.
 */
final class IpcpNegotiator {
    static final int OPTION_COMPRESSION = 2;
    static final int OPTION_ADDRESS = 3;
    static final int OPTION_DNS1 = 129;
    static final int OPTION_DNS2 = 131;

    record Result(String address, List<String> dns) {
    }

    private final PppIo io;
    private final long restartMillis;
    private byte[] address = new byte[4];
    private byte[] dns1 = new byte[4];
    private byte[] dns2 = new byte[4];
    private boolean askDns1 = true;
    private boolean askDns2 = true;
    private int requestId = -1;
    private int requestsSent;
    private int failures;

    IpcpNegotiator(PppIo io, long restartMillis) {
        this.io = io;
        this.restartMillis = restartMillis;
    }

    Result run() throws IOException, SignInFailure {
        sendRequest();
        while (true) {
            PppIo.Event event = io.next(restartMillis);
            if (event instanceof PppIo.TimedOut) {
                if (io.remaining() <= 0 || requestsSent >= LcpNegotiator.MAX_CONFIGURE) {
                    throw new SignInFailure(SignInStatus.NO_ANSWER, "the server stopped answering while the address "
                            + "was being negotiated (IPCP)");
                }
                sendRequest();
                continue;
            }
            if (!(event instanceof PppIo.Frame frame)) {
                throw SignInFailure.of(event, "the address was being negotiated (IPCP)");
            }
            try {
                Result result = handle(frame);
                if (result != null) {
                    return result;
                }
            } catch (PppFormatException e) {
                throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "the server sent a malformed IPCP packet: " + e.getMessage());
            }
        }
    }

    private Result handle(PppIo.Frame frame) throws IOException, SignInFailure, PppFormatException {
        CpPacket packet = frame.packet();
        if (frame.protocol() == PppFrame.LCP) {
            if (packet.code() == CpPacket.PROTOCOL_REJECT && packet.data().length >= 2
                    && (((packet.data()[0] & 0xFF) << 8) | (packet.data()[1] & 0xFF)) == PppFrame.IPCP) {
                throw new SignInFailure(SignInStatus.NO_ADDRESS, "the server refused IPCP altogether (LCP Protocol-Reject)");
            }
            if (packet.code() == CpPacket.TERMINATE_REQUEST) {
                throw new SignInFailure(SignInStatus.NO_ADDRESS, "the server ended the link while the address was being "
                        + "negotiated", PppIo.peerText(packet.data()), -1);
            }
            return null;
        }
        if (frame.protocol() != PppFrame.IPCP) {
            return null;
        }
        switch (packet.code()) {
            case CpPacket.CONFIGURE_REQUEST -> answer(packet);
            case CpPacket.CONFIGURE_ACK -> {
                if (packet.id() == requestId) {
                    if (isZero(address)) {
                        throw new SignInFailure(SignInStatus.NO_ADDRESS, "the server accepted address 0.0.0.0 without "
                                + "offering one");
                    }
                    List<String> dns = new ArrayList<>();
                    for (byte[] d : List.of(dns1, dns2)) {
                        if (!isZero(d)) {
                            dns.add(text(d));
                        }
                    }
                    return new Result(text(address), dns);
                }
            }
            case CpPacket.CONFIGURE_NAK -> {
                if (packet.id() == requestId) {
                    for (CpOption option : packet.options()) {
                        byte[] v = option.value();
                        if (v.length != 4) {
                            continue;
                        }
                        switch (option.type()) {
                            case OPTION_ADDRESS -> {
                                if (isZero(v)) {
                                    throw new SignInFailure(SignInStatus.NO_ADDRESS, "the server has no address to offer "
                                            + "(it answered the request for one with 0.0.0.0)");
                                }
                                address = v;
                            }
                            case OPTION_DNS1 -> dns1 = v;
                            case OPTION_DNS2 -> dns2 = v;
                            default -> { }
                        }
                    }
                    countFailure();
                    sendRequest();
                }
            }
            case CpPacket.CONFIGURE_REJECT -> {
                if (packet.id() == requestId) {
                    for (CpOption option : packet.options()) {
                        if (option.type() == OPTION_ADDRESS) {
                            throw new SignInFailure(SignInStatus.NO_ADDRESS, "the server refused to assign an address "
                                    + "(it rejected the IP-Address option)");
                        }
                        askDns1 &= option.type() != OPTION_DNS1;
                        askDns2 &= option.type() != OPTION_DNS2;
                    }
                    countFailure();
                    sendRequest();
                }
            }
            case CpPacket.TERMINATE_REQUEST -> {
                io.send(PppFrame.IPCP, new CpPacket(CpPacket.TERMINATE_ACK, packet.id(), new byte[0]));
                throw new SignInFailure(SignInStatus.NO_ADDRESS, "the server ended address negotiation (IPCP "
                        + "Terminate-Request)", PppIo.peerText(packet.data()), -1);
            }
            default -> { }
        }
        return null;
    }

    private void answer(CpPacket request) throws IOException, PppFormatException {
        List<CpOption> reject = new ArrayList<>();
        for (CpOption option : request.options()) {
            if (option.type() != OPTION_ADDRESS) {
                reject.add(option); // header compression and the rest: the test carries no traffic
            }
        }
        if (!reject.isEmpty()) {
            io.send(PppFrame.IPCP, CpPacket.configure(CpPacket.CONFIGURE_REJECT, request.id(), reject));
        } else {
            io.send(PppFrame.IPCP, new CpPacket(CpPacket.CONFIGURE_ACK, request.id(), request.data()));
        }
    }

    private void countFailure() throws SignInFailure {
        failures++;
        if (failures > LcpNegotiator.MAX_FAILURE * 2) {
            throw new SignInFailure(SignInStatus.NO_ADDRESS, "the server and the client did not agree on an address after "
                    + failures + " rounds");
        }
    }

    private void sendRequest() throws IOException {
        List<CpOption> options = new ArrayList<>();
        options.add(new CpOption(OPTION_ADDRESS, address));
        if (askDns1) {
            options.add(new CpOption(OPTION_DNS1, dns1));
        }
        if (askDns2) {
            options.add(new CpOption(OPTION_DNS2, dns2));
        }
        requestId = io.nextId();
        requestsSent++;
        io.send(PppFrame.IPCP, CpPacket.configure(CpPacket.CONFIGURE_REQUEST, requestId, options));
    }

    private static boolean isZero(byte[] a) {
        for (byte b : a) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] a) {
        return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
    }
}
