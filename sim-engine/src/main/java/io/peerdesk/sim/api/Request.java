package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;

import java.time.Instant;

/** One EC2 request being served: who, when, with which parameters, against which cloud. */
public record Request(Caller caller, Instant now, Params params, Cloud cloud) {
}
