package io.peerdesk.sim.insights;

/** Which way the traffic was going when a component decided: to the destination, or the reply back. */
public enum Leg {
    FORWARD,
    RETURN
}
