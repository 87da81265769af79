package io.peerdesk.domain.cloud.ec2;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code portal.cloud.*}: where the EC2 adapter sends its calls and how patiently.
 *
 * @param endpoint       the EC2 endpoint (the simulated cloud, LocalStack); empty for AWS's own regional endpoints
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for a response once connected
 * @param callTimeout    the whole call, retries included
 * @param maxAttempts    attempts per call (the first one included) on throttling, 5xx or connection errors
 */
@ConfigurationProperties("portal.cloud")
public record CloudProperties(URI endpoint, @DefaultValue("2s") Duration connectTimeout,
                              @DefaultValue("20s") Duration readTimeout, @DefaultValue("60s") Duration callTimeout,
                              @DefaultValue("3") int maxAttempts) {

    public boolean hasEndpoint() {
        return endpoint != null && !endpoint.toString().isBlank();
    }
}
