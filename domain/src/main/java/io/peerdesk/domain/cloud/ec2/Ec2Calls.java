package io.peerdesk.domain.cloud.ec2;

import io.peerdesk.domain.cloud.CloudFailure;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;
import java.util.function.Supplier;

/** One EC2 call in one region: what the SDK throws becomes a {@link CloudFailure} naming the operation. */
final class Ec2Calls {

    private final Ec2Failures failures;
    private final String region;

    Ec2Calls(Ec2Failures failures, String region) {
        this.failures = failures;
        this.region = region;
    }

    <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw failures.of(e, operation, region);
        }
    }

    /**
     * Runs a call whose refusal with one of {@code goneCodes} means "what it would change is not
     * there": that is success, and the answer is false; any other failure is thrown.
     */
    boolean callUnlessGone(String operation, Set<String> goneCodes, Runnable call) {
        try {
            call.run();
            return true;
        } catch (SdkException e) {
            CloudFailure failure = failures.of(e, operation, region);
            if (goneCodes.contains(failure.code())) {
                return false;
            }
            throw failure;
        }
    }

    String region() {
        return region;
    }
}
