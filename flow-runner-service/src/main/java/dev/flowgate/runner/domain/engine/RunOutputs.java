package dev.flowgate.runner.domain.engine;

/**
 * What one run's node outputs may take: at most {@code maxBytes} together (as JSON), held
 * in the runner's {@link HeldOutputs} for its owner.
 */
record RunOutputs(long maxBytes, HeldOutputs held, String ownerId) {
}
