package io.peerdesk.sim.journal;

/**
 * A saved state of the simulator.
 *
 * @param seq   the seq of the last journal record the state includes; replay from here
 * @param state the serialised state, owned by the caller (records compare arrays by identity)
 */
public record Snapshot(long seq, byte[] state) {
}
