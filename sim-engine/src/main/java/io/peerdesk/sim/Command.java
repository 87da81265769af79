package io.peerdesk.sim;

import io.peerdesk.sim.cloud.Caller;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One accepted mutating EC2 request as the journal keeps it: when, by whom, which action, with
 * which parameters. Replaying the commands in order at their instants rebuilds the cloud exactly,
 * because the cloud's ids come from its own seeded counter.
 */
record Command(Instant at, Caller caller, String action, Map<String, String> params) {

    private static final int FORMAT = 1;

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + params.size() * 32);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT);
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
            write(out, caller.accountId());
            write(out, caller.region());
            write(out, action);
            out.writeInt(params.size());
            for (var e : params.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Command decode(byte[] payload) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown journal command format " + format);
            }
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            Caller caller = new Caller(read(in), read(in));
            String action = read(in);
            int n = in.readInt();
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                params.put(read(in), read(in));
            }
            return new Command(at, caller, action, params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String read(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
