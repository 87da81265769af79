package io.peerdesk.sim.cloud;

/**
 * A refused request, carrying AWS's error code (for example {@code InvalidVpcID.NotFound}) and
 * message. Thrown before anything is changed: a refused request leaves the cloud as it was.
 */
public class CloudException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    public CloudException(String code, String message) {
        this(code, message, 400);
    }

    public CloudException(String code, String message, int httpStatus) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static CloudException invalidParameterValue(String message) {
        return new CloudException("InvalidParameterValue", message);
    }

    public static CloudException missingParameter(String name) {
        return new CloudException("MissingParameter",
                "The request must contain the parameter " + name);
    }
}
