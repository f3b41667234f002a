package org.sstpdoctor.signin;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.sstpdoctor.ppp.CpPacket;
import org.sstpdoctor.ppp.MppeKeys;
import org.sstpdoctor.ppp.PppFormatException;
import org.sstpdoctor.ppp.PppFrame;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.sstp.CryptoBinding;
import org.sstpdoctor.sstp.CryptoBindingRequest;
import org.sstpdoctor.sstp.DataPacket;
import org.sstpdoctor.sstp.MessageType;
import org.sstpdoctor.sstp.SstpPacket;

/**
 * Runs the sign-in test on a call the server has just accepted (Call Connect Ack): LCP,
 * authentication, CALL_CONNECTED with the crypto binding ([MS-SSTP] §3.2.5.2), IPCP until an
 * address is offered, then LCP Terminate and CALL_DISCONNECT. Blocking, bounded by the deadline and
 * by each step's timers; never throws for anything the server does.
 */
public final class SignInClient {
    /** How long the hang-up waits for each acknowledgement ([MS-SSTP] §3.1.2.2 allows 5 s; a probe needs less). */
    static final long HANG_UP_WAIT_MILLIS = 1000;

    /**
     * @param bindingRequest the Call Connect Ack's crypto binding request (nonce and hash protocols)
     * @param serverCertificateDer the leaf certificate received in TLS, as the binding must hash it
     * @param restartMillis the PPP Restart timer (RFC 1661: 3 s)
     * @param stepMillis the longest silence tolerated while waiting for the server in one step
     */
    public record Spec(Credentials credentials, CryptoBindingRequest bindingRequest, byte[] serverCertificateDer,
                       long restartMillis, long stepMillis) {
        public Spec {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(bindingRequest, "bindingRequest");
            serverCertificateDer = Objects.requireNonNull(serverCertificateDer, "serverCertificateDer").clone();
        }

        public static Spec standard(Credentials credentials, CryptoBindingRequest request, byte[] certificateDer) {
            return new Spec(credentials, request, certificateDer, PppIo.RESTART_MILLIS, 10_000);
        }
    }

    private final Spec spec;
    private final PacketChannel channel;
    private final PppIo io;
    private final List<StepTiming> steps = new ArrayList<>();
    private final java.util.function.Consumer<StepTiming> progress;
    private final List<String> notes = new ArrayList<>();
    private String authName = "";
    private String hashName = "";
    private String serverMessage = "";

    private SignInClient(Spec spec, PacketChannel channel, DoubleSupplier nowMillis, double deadlineMillis,
                         BooleanSupplier cancelled, java.util.function.Consumer<StepTiming> progress) {
        this.spec = spec;
        this.progress = progress;
        this.channel = channel;
        SecureRandom random = new SecureRandom();
        this.io = new PppIo(channel, nowMillis, deadlineMillis, cancelled, random.nextInt() & 0xFFFFFFFFL);
    }

    public static SignInResult run(Spec spec, PacketChannel channel, DoubleSupplier nowMillis, double deadlineMillis,
                                   BooleanSupplier cancelled) {
        return run(spec, channel, nowMillis, deadlineMillis, cancelled, step -> { });
    }

    /** As above; {@code progress} hears of each step as it ends, on the calling thread. */
    public static SignInResult run(Spec spec, PacketChannel channel, DoubleSupplier nowMillis, double deadlineMillis,
                                   BooleanSupplier cancelled, java.util.function.Consumer<StepTiming> progress) {
        SignInClient client = start(spec, channel, nowMillis, deadlineMillis, cancelled, progress);
        return client.signIn().orElseGet(client::address);
    }

    /** A client for the two halves run apart (the probe's "Signing in" and "Getting an address" stages). */
    public static SignInClient start(Spec spec, PacketChannel channel, DoubleSupplier nowMillis, double deadlineMillis,
                                     BooleanSupplier cancelled, java.util.function.Consumer<StepTiming> progress) {
        return new SignInClient(spec, channel, nowMillis, deadlineMillis, cancelled, progress);
    }

    /**
     * The first half: LCP, authentication and CALL_CONNECTED with the crypto binding.
     *
     * @return the final result when it ended there (the call already hung up), or empty to go on to {@link #address}
     */
    public Optional<SignInResult> signIn() {
        SignInStep step = SignInStep.LINK;
        double start = io.now();
        try {
            LcpNegotiator.Result link = new LcpNegotiator(io, spec.restartMillis(), notes).run();
            finish(step, start, true, link.auth() == null ? "link agreed; the server asks for no sign-in"
                    : "link agreed; the server asks for " + link.auth().displayName());

            step = SignInStep.AUTHENTICATION;
            start = io.now();
            byte[] hlak;
            if (link.auth() == null) {
                notes.add("The server asked for no authentication at all; the crypto binding uses the zero key.");
                hlak = MppeKeys.zeroHlak();
                finish(step, start, true, "no authentication asked for");
            } else {
                authName = link.auth().displayName();
                Authenticator.Result auth = new Authenticator(io, spec.credentials(), spec.stepMillis(), new SecureRandom())
                        .run(link.auth());
                hlak = auth.hlak();
                serverMessage = auth.serverMessage();
                finish(step, start, true, "signed in as " + spec.credentials().nameOnWire() + " with " + authName);
            }

            step = SignInStep.CRYPTO_BINDING;
            start = io.now();
            int hash = CryptoBinding.choose(spec.bindingRequest().hashBitmask());
            if (hash < 0) {
                throw new SignInFailure(SignInStatus.PROTOCOL_ERROR, "the Call Connect Ack offered no hash protocol "
                        + "for the crypto binding (neither SHA-1 nor SHA-256)");
            }
            hashName = hash == CryptoBindingRequest.HASH_SHA256 ? "SHA-256" : "SHA-1";
            CryptoBinding binding = CryptoBinding.compute(hash, spec.bindingRequest().nonce(),
                    CryptoBinding.certificateHash(hash, spec.serverCertificateDer()), hlak);
            java.util.Arrays.fill(hlak, (byte) 0);
            io.sendControl(binding.toCallConnected());
            finish(step, start, true, "Call Connected sent (" + hashName + " certificate hash and compound MAC)");
            return Optional.empty();
        } catch (SignInFailure e) {
            return Optional.of(failed(step, start, e));
        } catch (IOException | RuntimeException e) {
            return Optional.of(broken(step, start, e));
        }
    }

    /** The second half: IPCP until an address is offered, then the hang-up. Call only after {@link #signIn} went on. */
    public SignInResult address() {
        SignInStep step = SignInStep.ADDRESS;
        double start = io.now();
        try {
            IpcpNegotiator.Result address;
            try {
                address = new IpcpNegotiator(io, spec.restartMillis()).run();
            } catch (IOException e) {
                if (io.cancelled()) {
                    throw new SignInFailure(SignInStatus.CANCELLED, "cancelled");
                }
                // Writing failed: the server had already ended the call it accepted a moment ago.
                throw new SignInFailure(SignInStatus.BINDING_REJECTED, "after Call Connected the server closed the "
                        + "connection (" + e.getMessage() + "): the server did not accept the crypto binding");
            } catch (SignInFailure e) {
                if (e.status == SignInStatus.SERVER_ABORTED || e.status == SignInStatus.CONNECTION_CLOSED) {
                    throw new SignInFailure(SignInStatus.BINDING_REJECTED, "after Call Connected " + e.getMessage()
                            .replace(" while the address was being negotiated (IPCP)", "")
                            + ": the server did not accept the crypto binding", e.serverMessage, e.serverErrorCode);
                }
                throw e;
            }
            finish(step, start, true, "the server offered " + address.address()
                    + (address.dns().isEmpty() ? "" : " (DNS " + String.join(", ", address.dns()) + ")"));
            String ending = hangUp(true);
            return result(SignInStatus.SIGNED_IN, null, "signed in as " + spec.credentials().nameOnWire()
                    + "; the server offered the address " + address.address(), address, "", -1, ending);
        } catch (SignInFailure e) {
            return failed(step, start, e);
        } catch (RuntimeException e) {
            return broken(step, start, e);
        }
    }

    private SignInResult failed(SignInStep step, double start, SignInFailure e) {
        finish(step, start, false, e.getMessage());
        boolean connectionGone = e.status == SignInStatus.CONNECTION_CLOSED || e.status == SignInStatus.SERVER_ABORTED
                || e.status == SignInStatus.BINDING_REJECTED || e.status == SignInStatus.CANCELLED;
        String ending = connectionGone ? "the server ended the call" : hangUp(step.ordinal() > SignInStep.LINK.ordinal());
        if (e.status == SignInStatus.CANCELLED) {
            ending = "cancelled";
        }
        String message = e.serverMessage.isEmpty() ? serverMessage : e.serverMessage;
        return result(e.status, step, e.getMessage(), null, message, e.serverErrorCode, ending);
    }

    private SignInResult broken(SignInStep step, double start, Exception e) {
        finish(step, start, false, String.valueOf(e.getMessage()));
        SignInStatus status = io.cancelled() ? SignInStatus.CANCELLED : SignInStatus.CONNECTION_CLOSED;
        return result(status, step, status == SignInStatus.CANCELLED ? "cancelled"
                : "the connection failed: " + e.getMessage(), null, serverMessage, -1, "closed");
    }

    private void finish(SignInStep step, double start, boolean passed, String detail) {
        StepTiming timing = new StepTiming(step, start, io.now() - start, passed, detail);
        steps.add(timing);
        progress.accept(timing);
    }

    private SignInResult result(SignInStatus status, SignInStep failed, String detail, IpcpNegotiator.Result address,
                                String message, int errorCode, String ending) {
        return new SignInResult(status, spec.credentials().nameOnWire(), failed, detail, authName, hashName,
                address == null ? "" : address.address(), address == null ? List.of() : address.dns(),
                message, errorCode, steps, ending, notes);
    }

    /** LCP Terminate-Request (when the link was up), then CALL_DISCONNECT; each waited for briefly. */
    private String hangUp(boolean linkUp) {
        double start = io.now();
        List<String> said = new ArrayList<>();
        try {
            if (linkUp) {
                int id = io.nextId();
                io.send(PppFrame.LCP, new CpPacket(CpPacket.TERMINATE_REQUEST, id, new byte[0]));
                said.add(awaitTerminateAck(id) ? "LCP Terminate acknowledged" : "LCP Terminate not acknowledged");
            }
            io.sendControl(ControlPacket.callDisconnect());
            said.add(awaitDisconnectAck() ? "CALL_DISCONNECT acknowledged" : "CALL_DISCONNECT sent; closed without acknowledgement");
        } catch (IOException | RuntimeException e) {
            said.add("the connection closed during the hang-up");
        }
        String ending = String.join("; ", said);
        finish(SignInStep.HANG_UP, start, true, ending);
        return ending;
    }

    private boolean awaitTerminateAck(int id) throws IOException {
        double until = io.now() + HANG_UP_WAIT_MILLIS;
        for (int i = 0; i < 64 && io.now() < until; i++) {
            Optional<SstpPacket> next = channel.read(Math.max(1, (long) (until - io.now())));
            if (next.isEmpty()) {
                return false;
            }
            if (next.get() instanceof DataPacket data) {
                try {
                    PppFrame frame = PppFrame.decode(data.payload());
                    if (frame.protocol() == PppFrame.LCP && frame.packet().code() == CpPacket.TERMINATE_ACK
                            && frame.packet().id() == id) {
                        return true;
                    }
                } catch (PppFormatException ignored) {
                    // a broken frame during the hang-up changes nothing
                }
            } else if (next.get() instanceof ControlPacket c && c.knownType().orElse(null) == MessageType.CALL_DISCONNECT) {
                channel.write(ControlPacket.callDisconnectAck());
                return false;
            }
        }
        return false;
    }

    private boolean awaitDisconnectAck() {
        double until = io.now() + HANG_UP_WAIT_MILLIS;
        try {
            for (int i = 0; i < 64 && io.now() < until; i++) {
                Optional<SstpPacket> next = channel.read(Math.max(1, (long) (until - io.now())));
                if (next.isEmpty()) {
                    return false;
                }
                if (next.get() instanceof ControlPacket c && c.knownType().orElse(null) == MessageType.CALL_DISCONNECT_ACK) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

}
