package io.peerdesk.sim.journal;

import java.io.IOException;

/** Receives journal records during {@link Journal#replay(long, RecordConsumer)}. */
@FunctionalInterface
public interface RecordConsumer {

    /**
     * Called once per record, in seq order.
     *
     * @param seq     the record's 1-based global sequence number
     * @param payload the record as it was appended; the consumer owns the array
     * @throws IOException to abort the replay; it is rethrown by {@code replay}
     */
    void accept(long seq, byte[] payload) throws IOException;
}
