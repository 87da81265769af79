package io.peerdesk.sim.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** Framing of one journal record: {@code [int length][int CRC32C(payload)][payload]}. */
final class RecordFormat {

    static final int FRAME_OVERHEAD = 8;

    /**
     * Upper bound on a payload. It lets recovery reject a garbage length before trying to read
     * it, and keeps a whole frame addressable as one array.
     */
    static final int MAX_PAYLOAD = 64 << 20;

    private RecordFormat() {
    }

    /**
     * Builds the complete frame so that it reaches the file in one write call.
     *
     * @throws IllegalArgumentException for an empty payload: an all-zero region, which some file
     *         systems leave behind after a crash, would otherwise decode as valid empty records
     */
    static byte[] frame(byte[] payload) {
        checkPayloadLength(payload.length);
        ByteBuffer frame = ByteBuffer.allocate(FRAME_OVERHEAD + payload.length);
        frame.putInt(payload.length).putInt(crc32c(payload, 0, payload.length)).put(payload);
        return frame.array();
    }

    static void checkPayloadLength(int length) {
        if (length < 1 || length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "journal record payload must be 1.." + MAX_PAYLOAD + " bytes, was " + length);
        }
    }

    static boolean plausibleLength(int length) {
        return length >= 1 && length <= MAX_PAYLOAD;
    }

    static int crc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
