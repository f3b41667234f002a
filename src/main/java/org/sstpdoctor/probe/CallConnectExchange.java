package org.sstpdoctor.probe;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.sstpdoctor.sstp.Attribute;
import org.sstpdoctor.sstp.AttributeId;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.sstp.CryptoBindingRequest;
import org.sstpdoctor.sstp.DataPacket;
import org.sstpdoctor.sstp.MessageType;
import org.sstpdoctor.sstp.SstpCodec;
import org.sstpdoctor.sstp.SstpFormatException;
import org.sstpdoctor.sstp.SstpPacket;
import org.sstpdoctor.sstp.StatusInfo;

/**
 * The SSTP control exchange after the HTTP 200, over plain streams: the Call Connect Request, the
 * server's answer, and on an Ack a polite CALL_DISCONNECT ([MS-SSTP] 3.1.5.1, 3.1.5.2.1).
 */
public final class CallConnectExchange {
    /** How long to wait for CALL_DISCONNECT_ACK before simply closing. */
    static final long DISCONNECT_WAIT_MILLIS = 1000;
    /** Data or echo packets tolerated around the Ack before giving up on it. */
    static final int MAX_PACKETS_BEFORE_ANSWER = 64;

    /** What the exchange came to; {@code answeredAtMillis} is when the answer (or the failure) came, by {@code clock}. */
    public record Result(Classified classified, SstpResult sstp, double answeredAtMillis, CryptoBindingRequest keptOpenFor) {
        public Result(Classified classified, SstpResult sstp, double answeredAtMillis) {
            this(classified, sstp, answeredAtMillis, null);
        }
    }

    /** A Result timed when the answer came, before CALL_DISCONNECT. */
    private static final class Timed {
        final java.util.function.DoubleSupplier clock;
        double at = -1;

        Timed(java.util.function.DoubleSupplier clock) {
            this.clock = clock;
        }

        void mark() {
            if (at < 0) {
                at = clock.getAsDouble();
            }
        }
    }

    private CallConnectExchange() {
    }

    /** @param cancelled whether the probe was cancelled (a closed stream then means "cancelled") */
    public static Result run(SstpChannel channel, BooleanSupplier cancelled) {
        return run(channel, cancelled, () -> -1);
    }

    /** @param clock milliseconds of the attempt, to date the answer */
    public static Result run(SstpChannel channel, BooleanSupplier cancelled, java.util.function.DoubleSupplier clock) {
        return run(channel, cancelled, clock, false);
    }

    /**
     * @param stayOnAck keep the call open after an Ack, for the sign-in test, instead of leaving with
     *     CALL_DISCONNECT; the Ack's crypto binding request is then in {@link Result#keptOpenFor()}
     */
    public static Result run(SstpChannel channel, BooleanSupplier cancelled, java.util.function.DoubleSupplier clock,
                             boolean stayOnAck) {
        Timed timed = new Timed(clock);
        Partial p = exchange(channel, cancelled, timed, stayOnAck);
        timed.mark();
        return new Result(p.classified(), p.sstp(), timed.at, p.keptOpenFor());
    }

    private record Partial(Classified classified, SstpResult sstp, CryptoBindingRequest keptOpenFor) {
        Partial(Classified classified, SstpResult sstp) {
            this(classified, sstp, null);
        }
    }

    private static Partial exchange(SstpChannel channel, BooleanSupplier cancelled, Timed timed, boolean stayOnAck) {
        byte[] request = ControlPacket.callConnectRequest().encode();
        String requestHex = SstpCodec.hex(request);
        InputStream in = channel.input();
        try {
            OutputStream out = channel.output();
            out.write(request);
            out.flush();
            for (int i = 0; i < MAX_PACKETS_BEFORE_ANSWER; i++) {
                Optional<SstpPacket> next = SstpCodec.read(in);
                if (next.isEmpty()) {
                    return new Partial(fail(Outcome.CONNECTION_CLOSED,
                            "the server closed the connection after the 200 without answering the Call Connect Request"),
                            ended(requestHex, "the server closed the connection"));
                }
                SstpPacket packet = next.get();
                if (packet instanceof DataPacket) {
                    continue; // data may arrive around the Ack; it is not the answer
                }
                ControlPacket control = (ControlPacket) packet;
                if (control.knownType().orElse(null) == MessageType.ECHO_REQUEST) {
                    SstpCodec.write(out, ControlPacket.echoResponse());
                    continue;
                }
                return answer(control, requestHex, channel, timed, stayOnAck);
            }
            return new Partial(fail(Outcome.SSTP_MALFORMED, "the server sent " + MAX_PACKETS_BEFORE_ANSWER
                    + " packets without answering the Call Connect Request"), ended(requestHex, "closed"));
        } catch (SstpFormatException e) {
            if (e.problem() == SstpFormatException.Problem.UNSUPPORTED_VERSION) {
                return new Partial(fail(Outcome.NOT_SSTP, "after the 200 the server sent something that is not SSTP: "
                        + e.getMessage()), ended(requestHex, "closed"));
            }
            return new Partial(fail(Outcome.SSTP_MALFORMED, e.getMessage()), ended(requestHex, "closed"));
        } catch (EOFException e) {
            if (cancelled.getAsBoolean()) {
                return new Partial(Classified.cancelled(), ended(requestHex, "closed"));
            }
            // The packet's own length field promised more than came: a framing error, not a mere close.
            return new Partial(fail(Outcome.SSTP_MALFORMED, "the connection ended inside an SSTP packet: "
                    + Failure.message(e)), ended(requestHex, "closed"));
        } catch (IOException | RuntimeException e) {
            if (cancelled.getAsBoolean()) {
                return new Partial(Classified.cancelled(), ended(requestHex, "closed"));
            }
            Failure failure = Failure.of(e);
            Classified c = switch (failure.kind()) {
                case TIMEOUT -> fail(Outcome.SSTP_NO_ANSWER, "no answer to the Call Connect Request before the time ran out");
                case RESET -> fail(Outcome.CONNECTION_RESET, "the server reset the connection after the 200");
                case CLOSED -> fail(Outcome.CONNECTION_CLOSED, "the server closed the connection in the middle of an SSTP packet");
                default -> fail(Outcome.SSTP_MALFORMED, failure.message());
            };
            return new Partial(c, ended(requestHex, "closed"));
        }
    }

    private static Classified fail(Outcome outcome, String detail) {
        return new Classified(outcome, AnsweredBy.SERVER, detail, Stage.SSTP_CONTROL);
    }

    private static SstpResult ended(String requestHex, String ending) {
        return new SstpResult(requestHex, "", "", "", -1, "", "", ending);
    }

    private static Partial answer(ControlPacket control, String requestHex, SstpChannel channel, Timed timed,
                                  boolean stayOnAck) {
        timed.mark();
        String hex = SstpCodec.hex(control.encode());
        String description = SstpCodec.describe(control);
        MessageType type = control.knownType().orElse(null);
        String typeName = type == null ? "unknown message type " + control.messageType() : type.name();
        StatusInfo status = statusInfo(control);
        long statusCode = status == null ? -1 : status.status();
        String statusName = status == null ? "" : status.knownStatus().map(Enum::name).orElse("status " + statusCode);
        if (type == MessageType.CALL_CONNECT_ACK) {
            String hashes = control.attribute(AttributeId.CRYPTO_BINDING_REQ)
                    .flatMap(CallConnectExchange::bindingRequest)
                    .map(CallConnectExchange::describeHashes).orElse("");
            Optional<CryptoBindingRequest> binding = control.attribute(AttributeId.CRYPTO_BINDING_REQ)
                    .flatMap(CallConnectExchange::bindingRequest);
            boolean stay = stayOnAck && !hashes.isEmpty() && binding.isPresent();
            String ending = stay ? "kept open for the sign-in test" : leave(channel);
            SstpResult sstp = new SstpResult(requestHex, typeName, description, hex, -1, "", hashes, ending);
            if (hashes.isEmpty()) {
                return new Partial(fail(Outcome.SSTP_MALFORMED, "the Call Connect Ack carries no valid crypto binding request"),
                        sstp);
            }
            return new Partial(new Classified(Outcome.SSTP_ACK, AnsweredBy.SERVER,
                    "Call Connect Ack received (crypto binding: " + hashes + ")", Stage.SSTP_CONTROL), sstp,
                    stay ? binding.get() : null);
        }
        SstpResult sstp = new SstpResult(requestHex, typeName, description, hex, statusCode, statusName, "", "closed");
        if (type == MessageType.CALL_CONNECT_NAK) {
            return new Partial(fail(Outcome.SSTP_NAK, "Call Connect Nak" + (status == null ? "" : ": " + statusName)), sstp);
        }
        if (type == MessageType.CALL_ABORT || type == MessageType.CALL_DISCONNECT) {
            return new Partial(fail(Outcome.SSTP_ABORTED, typeName + (status == null ? "" : ": " + statusName)), sstp);
        }
        return new Partial(fail(Outcome.SSTP_MALFORMED, "expected a Call Connect Ack or Nak, received " + description), sstp);
    }

    /** Leaves the call politely: CALL_DISCONNECT, then a short wait for its acknowledgement. */
    static String leave(SstpChannel channel) {
        try {
            channel.readTimeoutMillis(DISCONNECT_WAIT_MILLIS);
            SstpCodec.write(channel.output(), ControlPacket.callDisconnect());
            InputStream in = channel.input();
            for (int i = 0; i < MAX_PACKETS_BEFORE_ANSWER; i++) {
                Optional<SstpPacket> next = SstpCodec.read(in);
                if (next.isEmpty()) {
                    return "CALL_DISCONNECT sent; the server closed the connection";
                }
                if (next.get() instanceof ControlPacket c
                        && c.knownType().orElse(null) == MessageType.CALL_DISCONNECT_ACK) {
                    return "CALL_DISCONNECT acknowledged";
                }
            }
            return "CALL_DISCONNECT sent; closed";
        } catch (IOException | RuntimeException e) {
            return "CALL_DISCONNECT sent; closed without acknowledgement";
        }
    }

    private static StatusInfo statusInfo(ControlPacket control) {
        return control.attribute(AttributeId.STATUS_INFO).map(a -> {
            try {
                return StatusInfo.parse(a.value());
            } catch (SstpFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private static Optional<CryptoBindingRequest> bindingRequest(Attribute attribute) {
        try {
            return Optional.of(CryptoBindingRequest.parse(attribute.value()));
        } catch (SstpFormatException e) {
            return Optional.empty();
        }
    }

    private static String describeHashes(CryptoBindingRequest request) {
        List<String> names = new ArrayList<>();
        if (request.supportsSha256()) {
            names.add("SHA-256");
        }
        if (request.supportsSha1()) {
            names.add("SHA-1");
        }
        return String.join(" + ", names);
    }
}
