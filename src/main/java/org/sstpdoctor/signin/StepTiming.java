package org.sstpdoctor.signin;

/**
 * One step of the sign-in test as it happened; times in milliseconds from the probe's start.
 *
 * @param passed whether the step completed
 */
public record StepTiming(SignInStep step, double startMs, double durationMs, boolean passed, String detail) {
}
