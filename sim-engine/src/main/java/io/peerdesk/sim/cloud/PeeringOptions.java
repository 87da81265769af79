package io.peerdesk.sim.cloud;

import java.io.Serializable;

/** One side's peering options; all false by default, settable only while active. */
public record PeeringOptions(boolean allowDnsResolutionFromRemoteVpc,
                             boolean allowEgressFromLocalClassicLinkToRemoteVpc,
                             boolean allowEgressFromLocalVpcToRemoteClassicLink) implements Serializable {

    public static final PeeringOptions NONE = new PeeringOptions(false, false, false);
}
