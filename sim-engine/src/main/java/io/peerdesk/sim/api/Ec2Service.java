package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.Caller;

import java.util.Map;

/**
 * The EC2 Query API behind the HTTP endpoint: one action with its flattened form parameters
 * ({@code Filter.1.Name}, {@code VpcId.1}, …) in, a complete XML reply out. Never throws for a
 * client error: those come back as AWS's error envelope with status 400.
 */
public interface Ec2Service {

    Ec2Reply handle(Caller caller, String action, Map<String, String> params);

    /** An HTTP status and the XML body to send with {@code Content-Type: text/xml}. */
    record Ec2Reply(int status, String xml) {
    }
}
