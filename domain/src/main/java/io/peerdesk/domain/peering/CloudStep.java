package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.CloudFailure;

import java.util.function.Supplier;

/**
 * One call to the cloud inside a workflow step: a transient failure is thrown as it is (the job is
 * retried); a refusal retrying cannot fix becomes {@link PeeringStepFailed} with the cloud's code
 * and message, prefixed with what the step was doing.
 */
final class CloudStep {

    private CloudStep() {
    }

    static <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (CloudFailure e) {
            if (e.retryable()) {
                throw e;
            }
            throw new PeeringStepFailed(e.code(), capitalized(doing) + " failed: " + e.getMessage());
        }
    }

    static void run(String doing, Runnable call) {
        call(doing, () -> {
            call.run();
            return null;
        });
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
