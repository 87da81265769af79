package io.peerdesk.sim;

import io.peerdesk.sim.cloud.Cloud;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The cloud's state as snapshot bytes: Java serialisation, compressed. Reading accepts only the
 * simulator's own classes and the JDK's collections and value types, so a snapshot file cannot
 * instantiate anything else.
 */
final class CloudSnapshots {

    private static final ObjectInputFilter ONLY_OUR_CLASSES = ObjectInputFilter.Config.createFilter(
            "io.peerdesk.sim.**;java.util.*;java.lang.*;java.time.*;java.math.*;maxdepth=64;!*");

    private CloudSnapshots() {
    }

    static byte[] write(Cloud cloud) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            out.writeObject(cloud);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    static Cloud read(byte[] state) throws IOException {
        Inflater inflater = new Inflater();
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(state), inflater, 1 << 16), 1 << 16))) {
            in.setObjectInputFilter(ONLY_OUR_CLASSES);
            return (Cloud) in.readObject();
        } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
            throw new IOException("snapshot was written by an incompatible simulator version: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
