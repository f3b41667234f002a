package org.sstpdoctor.exporter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sstpdoctor.probe.HostResolver;
import org.sstpdoctor.target.HostKind;
import org.sstpdoctor.target.IpAddresses;
import org.sstpdoctor.target.Target;

/**
 * Decides whether a target may be probed under the configured {@link TargetPolicy}. When the policy
 * names networks and the target is a name, the name is resolved here and the probe is handed exactly
 * those addresses, so a name cannot resolve into an allowed network for the check and elsewhere for
 * the probe.
 */
final class TargetAdmission {
    /** The answer: a resolver for the probe, or the one-line reason for refusing. */
    record Decision(HostResolver resolver, String refusal) {
        boolean allowed() {
            return refusal == null;
        }
    }

    private final HostResolver base;
    private final ExecutorService lookups;

    TargetAdmission(HostResolver base, ExecutorService lookups) {
        this.base = base;
        this.lookups = lookups;
    }

    Decision decide(TargetPolicy policy, Target target, long lookupMillis) {
        if (policy.allowsAny()) {
            return new Decision(base, null);
        }
        if (target.kind() == HostKind.DNS_NAME) {
            if (policy.allowsName(target.asciiHost())) {
                return new Decision(base, null);
            }
            if (!policy.hasNetworks()) {
                return refuse(target);
            }
            return byResolvedAddresses(policy, target, lookupMillis);
        }
        InetAddress literal = TargetPolicy.literal(target.asciiHost());
        return literal != null && policy.allowsAddress(literal) ? new Decision(base, null) : refuse(target);
    }

    private Decision byResolvedAddresses(TargetPolicy policy, Target target, long lookupMillis) {
        String host = target.asciiHost();
        List<InetAddress> addresses;
        CompletableFuture<List<InetAddress>> lookup;
        try {
            lookup = CompletableFuture.supplyAsync(() -> {
                try {
                    return base.resolve(host);
                } catch (UnknownHostException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, lookups);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return new Decision(null, "too many name lookups are waiting for the name service; " + host
                    + " cannot be checked against allowed_targets now");
        }
        try {
            addresses = lookup.get(lookupMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // The name does not resolve: let the probe find and report that (a gateway's DNS broke).
            Throwable cause = e.getCause();
            return new Decision(pinned(host, null, cause instanceof UnknownHostException u ? u
                    : new UnknownHostException(host + ": " + cause)), null);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return new Decision(null, "the name " + host + " did not resolve within " + lookupMillis
                    + " ms, so it cannot be checked against allowed_targets");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Decision(null, "interrupted while resolving " + host);
        }
        for (InetAddress address : addresses) {
            if (!policy.allowsAddress(address)) {
                return new Decision(null, "target " + target + " resolves to " + IpAddresses.toText(address)
                        + ", which allowed_targets does not allow");
            }
        }
        return new Decision(pinned(host, List.copyOf(addresses), null), null);
    }

    private HostResolver pinned(String host, List<InetAddress> addresses, UnknownHostException failure) {
        return name -> {
            if (!name.equalsIgnoreCase(host)) {
                return base.resolve(name);
            }
            if (failure != null) {
                throw failure;
            }
            return addresses;
        };
    }

    private static Decision refuse(Target target) {
        return new Decision(null, "target " + target + " is not in allowed_targets");
    }
}
