package org.sstpdoctor.responder;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.sstpdoctor.sstp.StatusCode;

/**
 * How to run the responder.
 *
 * @param bind where to listen; loopback unless a person asks otherwise
 * @param port 0 for any free port
 * @param tls the server's certificate and key; unused by {@link Scenario#PLAIN_HTTP}
 * @param httpStatus the status {@link Scenario#HTTP_STATUS} answers
 * @param nakStatus the status a Nak or Abort carries
 * @param hashBitmask the hash protocols an Ack asks for (1 SHA-1, 2 SHA-256, 3 both)
 * @param negotiationTimeout how long a call may wait after the Ack before the server aborts it (real servers: about 20 s)
 * @param behaviour what the responder does at each phase: the scenario's preset unless composed
 */
public record ResponderConfig(InetAddress bind, int port, Scenario scenario, SSLContext tls, int httpStatus,
                              StatusCode nakStatus, int hashBitmask, Duration negotiationTimeout, Behaviour behaviour) {
    public ResponderConfig(InetAddress bind, int port, Scenario scenario, SSLContext tls, int httpStatus,
                           StatusCode nakStatus, int hashBitmask, Duration negotiationTimeout) {
        this(bind, port, scenario, tls, httpStatus, nakStatus, hashBitmask, negotiationTimeout, null);
    }

    public ResponderConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(scenario, "scenario");
        behaviour = behaviour == null ? scenario.behaviour() : behaviour;
        if (behaviour.usesTls()) {
            Objects.requireNonNull(tls, "tls is needed for scenario " + scenario);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (httpStatus < 100 || httpStatus > 999) {
            throw new IllegalArgumentException("HTTP status " + httpStatus);
        }
        nakStatus = nakStatus == null ? StatusCode.VALUE_NOT_SUPPORTED : nakStatus;
        negotiationTimeout = negotiationTimeout == null ? Duration.ofSeconds(20) : negotiationTimeout;
    }

    public static ResponderConfig loopback(Scenario scenario, SSLContext tls) {
        return new ResponderConfig(InetAddress.getLoopbackAddress(), 0, scenario, tls, 404,
                StatusCode.VALUE_NOT_SUPPORTED, 0x02, Duration.ofSeconds(20));
    }

    public ResponderConfig withScenario(Scenario s) {
        return new ResponderConfig(bind, port, s, tls, httpStatus, nakStatus, hashBitmask, negotiationTimeout, null);
    }

    /** A misbehaviour composed from effects, for a test; the scenario stays as a label. */
    public ResponderConfig withBehaviour(Behaviour b) {
        return new ResponderConfig(bind, port, scenario, tls, httpStatus, nakStatus, hashBitmask, negotiationTimeout, b);
    }

    public ResponderConfig withHttpStatus(int status) {
        return new ResponderConfig(bind, port, scenario, tls, status, nakStatus, hashBitmask, negotiationTimeout, behaviour);
    }

    public ResponderConfig withPort(int p) {
        return new ResponderConfig(bind, p, scenario, tls, httpStatus, nakStatus, hashBitmask, negotiationTimeout, behaviour);
    }

    public ResponderConfig withBind(InetAddress address) {
        return new ResponderConfig(address, port, scenario, tls, httpStatus, nakStatus, hashBitmask, negotiationTimeout, behaviour);
    }

    public ResponderConfig withNakStatus(StatusCode status) {
        return new ResponderConfig(bind, port, scenario, tls, httpStatus, status, hashBitmask, negotiationTimeout, behaviour);
    }

    public ResponderConfig withHashBitmask(int bitmask) {
        return new ResponderConfig(bind, port, scenario, tls, httpStatus, nakStatus, bitmask, negotiationTimeout, behaviour);
    }

    public ResponderConfig withNegotiationTimeout(Duration timeout) {
        return new ResponderConfig(bind, port, scenario, tls, httpStatus, nakStatus, hashBitmask, timeout, behaviour);
    }
}
