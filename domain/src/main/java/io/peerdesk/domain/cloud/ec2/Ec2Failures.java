package io.peerdesk.domain.cloud.ec2;

import io.peerdesk.domain.cloud.CloudFailure;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Turns what the SDK throws into a {@link CloudFailure} with the cloud's error code and a sentence a
 * person can act on. No answer (no connection, a timeout, a broken response), throttling and 5xx
 * answers mean the cloud is {@linkplain CloudFailure#unavailable() unavailable}; any other answer
 * with an error is the cloud refusing the call.
 */
final class Ec2Failures {

    private static final Set<String> CREDENTIALS = Set.of("AuthFailure", "UnauthorizedOperation", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken", "InvalidAccessKeyId",
            "AccessDenied", "AccessDeniedException", "RequestExpired", "Blocked");
    private static final Set<String> TRANSIENT = Set.of("RequestLimitExceeded", "Throttling", "ThrottlingException",
            "ServiceUnavailable", "Unavailable", "InternalError");

    private final CloudProperties config;

    Ec2Failures(CloudProperties config) {
        this.config = config;
    }

    CloudFailure of(SdkException e, String operation, String region) {
        if (e instanceof AwsServiceException service) {
            return refused(service, operation, region);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || causedBy(e, SocketTimeoutException.class)) {
            return CloudFailure.unavailable(CloudFailure.TIMEOUT, "The cloud endpoint " + endpoint(region)
                    + " did not answer " + operation + " in time.");
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)
                || causedBy(e, NoRouteToHostException.class)) {
            return CloudFailure.unavailable(CloudFailure.UNREACHABLE, "The cloud endpoint " + endpoint(region)
                    + " is unreachable (" + rootMessage(e) + ").");
        }
        return CloudFailure.unavailable(CloudFailure.UNREACHABLE, "The cloud endpoint " + endpoint(region)
                + " could not be used for " + operation + ": " + rootMessage(e));
    }

    /**
     * An answer with an error. Its code comes from the error body; over HTTP/1.1 with the JDK's
     * URL connection a 401 arrives without one, so 401 and 403 alone also mean "credentials refused".
     */
    private static CloudFailure refused(AwsServiceException e, String operation, String region) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String detail = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        boolean denied = e.statusCode() == 401 || e.statusCode() == 403;
        if (code == null || code.isBlank()) {
            code = "HTTP " + e.statusCode();
            detail = denied ? (e.statusCode() == 401 ? "Unauthorized" : "Forbidden") : detail;
        }
        String why = detail == null || detail.isBlank() ? code : code + ": " + detail;
        if (CREDENTIALS.contains(code) || (denied && code.startsWith("HTTP "))) {
            return new CloudFailure(code, "The credentials were refused for " + operation + " in " + region
                    + " (" + why + "). Check the access key and secret of this account.", false);
        }
        if ("OptInRequired".equals(code) || "InvalidRegion".equals(code)) {
            return new CloudFailure(code, "The region " + region + " is not available to this account (" + why + ").", false);
        }
        if (TRANSIENT.contains(code) || e.statusCode() >= 500) {
            return CloudFailure.unavailable(code, "The cloud could not answer " + operation + " in " + region + " right now"
                    + " (" + why + "); it is tried again later.");
        }
        return new CloudFailure(code, "The cloud refused " + operation + " in " + region + " (" + why + ").", false);
    }

    private String endpoint(String region) {
        return config.hasEndpoint() ? config.endpoint().toString() : "of region " + region;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.toLowerCase();
    }
}
