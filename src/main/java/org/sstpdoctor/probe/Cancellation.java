package org.sstpdoctor.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Cancels a running probe from any thread. Whatever the probe is blocked on (a socket, a name
 * lookup) registers how to interrupt it, so cancel takes effect at once rather than at the next
 * timeout.
 */
public final class Cancellation {
    private final List<Runnable> hooks = new ArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        for (Runnable hook : toRun) {
            try {
                hook.run();
            } catch (RuntimeException ignored) {
                // an interruption that fails has nothing left to interrupt
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code hook} on cancel (at once if already cancelled); close the result to unregister. */
    public AutoCloseable onCancel(Runnable hook) {
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!runNow) {
                hooks.add(hook);
            }
        }
        if (runNow) {
            hook.run();
        }
        return () -> {
            synchronized (this) {
                hooks.remove(hook);
            }
        };
    }
}
