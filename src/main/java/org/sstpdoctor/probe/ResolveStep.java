package org.sstpdoctor.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sstpdoctor.target.HostKind;
import org.sstpdoctor.target.IpAddresses;

/** Name resolution: the server's name, or the proxy's when there is one (the proxy looks up the server's). */
final class ResolveStep implements ActiveStep {
    @Override
    public Stage stage() {
        return Stage.RESOLVE;
    }

    @Override
    public Set<Outcome> outcomes() {
        return Set.of(Outcome.BAD_INPUT, Outcome.DNS_NOT_FOUND, Outcome.DNS_FAILURE, Outcome.PROXY_NOT_FOUND);
    }

    @Override
    public StepEnd run(AttemptContext context) {
        String host = context.connectHost();
        if (context.connectHostKind() != HostKind.DNS_NAME) {
            try {
                // A literal address: InetAddress parses it without any lookup.
                context.addresses(List.of(InetAddress.getByName(host)));
            } catch (UnknownHostException e) {
                return StepEnd.failed(new Classified(Outcome.BAD_INPUT, AnsweredBy.THIS_COMPUTER,
                        "not a usable IP address: " + host, Stage.RESOLVE));
            }
            return StepEnd.passed(host + " is an IP address; nothing to look up");
        }
        boolean viaProxy = context.viaProxy();
        NameLookup.Result lookup = NameLookup.lookup(context.resolver(), host,
                context.deadlineNanos() - System.nanoTime(), context.cancellation());
        switch (lookup.kind()) {
            case FOUND -> {
                context.addresses(lookup.addresses());
                return StepEnd.passed(host + " -> "
                        + lookup.addresses().stream().map(IpAddresses::toText).collect(Collectors.joining(", "))
                        + (viaProxy ? " (the proxy looks up the VPN server's name itself)" : ""));
            }
            case CANCELLED -> {
                return StepEnd.failed(Classified.cancelled());
            }
            default -> {
                Outcome outcome = lookup.kind() == NameLookup.Kind.NOT_FOUND
                        ? (viaProxy ? Outcome.PROXY_NOT_FOUND : Outcome.DNS_NOT_FOUND)
                        : (viaProxy ? Outcome.PROXY_NOT_FOUND : Outcome.DNS_FAILURE);
                // A name service that never answered: nobody answered, rather than "the network".
                AnsweredBy answeredBy = outcome == Outcome.DNS_FAILURE && lookup.kind() == NameLookup.Kind.TIMEOUT
                        ? AnsweredBy.NOBODY : outcome.typicalAnswerer();
                String detail = (viaProxy ? "the proxy's name " : "") + host + ": " + lookup.detail();
                return StepEnd.failed(new Classified(outcome, answeredBy, detail, Stage.RESOLVE));
            }
        }
    }
}
