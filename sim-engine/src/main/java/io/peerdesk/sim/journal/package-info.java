/**
 * Durable storage for the simulator: a write-ahead {@link io.peerdesk.sim.journal.Journal}, a
 * {@link io.peerdesk.sim.journal.SnapshotStore} and a {@link io.peerdesk.sim.journal.DataDir} lock.
 *
 * <p>Everything here is payload-agnostic: records and snapshots are opaque byte arrays that the
 * simulator serialises itself.
 *
 * <h2>On-disk format (all integers big-endian)</h2>
 * <pre>
 * journal-&lt;firstSeq, 20 digits&gt;.log
 *   header   : int magic 0x50444A4C ("PDJL") | int version 1 | long firstSeq      (16 bytes)
 *   record*  : int length (1 .. 64 MiB) | int CRC32C(payload) | payload[length]
 *   The n-th record (0-based) of a segment has seq = firstSeq + n; seqs start at 1 and are
 *   contiguous across segments.
 *
 * snapshot-&lt;seq, 20 digits&gt;.bin
 *   header   : int magic 0x5044534E ("PDSN") | int version 1 | long seq | long length
 *              | int CRC32C(payload)                                               (28 bytes)
 *   payload  : byte[length]
 *   Written as snapshot-...bin.tmp, fsynced, renamed atomically, directory fsynced.
 *
 * .lock        FileLock held by the process that owns the data directory (contains its pid)
 * </pre>
 *
 * <h2>Recommended protocol</h2>
 * <pre>{@code
 * try (DataDir data = DataDir.lock(root);
 *      Journal journal = Journal.open(root.resolve("journal"), Journal.Options.defaults())) {
 *     SnapshotStore snapshots = SnapshotStore.open(root.resolve("snapshots"));
 *     Optional<Snapshot> snap = snapshots.latest();
 *     State state = snap.map(s -> State.decode(s.state())).orElseGet(State::empty);
 *     journal.replay(snap.map(Snapshot::seq).orElse(0L), (seq, cmd) -> state.apply(cmd));
 *     // per command: under the state lock { seq = journal.append(cmd); state.apply(cmd); }
 *     //              then, outside the lock, journal.awaitDurable(seq) before answering.
 *     // per snapshot: journal.awaitDurable(seq); snapshots.write(seq, bytes);
 *     //               journal.rollAfterSnapshot(seq);
 * }
 * }</pre>
 */
package io.peerdesk.sim.journal;
