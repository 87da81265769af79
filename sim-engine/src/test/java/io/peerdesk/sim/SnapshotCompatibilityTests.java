package io.peerdesk.sim;

import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.PeeringState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory written by an earlier build opens in this one. The fixture is the embedded
 * simulator's directory after the demo peering acme-prod → globex-core was filed, approved and
 * provisioned through the portal: a snapshot and the journal after it.
 */
class SnapshotCompatibilityTests {

    private static final Path EARLIER_BUILD = Path.of("src/test/resources/snapshots/earlier-build");

    @Test
    void earlierBuildsDataDirectoryOpensWithItsPeeringActive(@TempDir Path dir) throws Exception {
        copy(EARLIER_BUILD, dir);

        try (Simulator sim = Simulator.open(Simulator.Options.durable(dir))) {
            assertThat(sim.recovery().snapshotSeq()).isEqualTo(77);
            PeeringConnection pcx = sim.read(cloud -> cloud.allPeerings().stream()
                    .filter(p -> p.id().equals("pcx-62ce09b9b77f33023")).findFirst().orElseThrow());
            assertThat(pcx.stateAt(sim.now())).isEqualTo(PeeringState.ACTIVE);
            int vpcs = sim.read(cloud -> cloud.allVpcs().size());
            assertThat(vpcs).isGreaterThan(2);
        }
    }

    /** Every class of the snapshot's object graph pins its serial version: a new method must not change it. */
    @Test
    void everySnapshotClassPinsItsSerialVersion() throws Exception {
        Path classes = Path.of(Cloud.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> unpinned;
        try (Stream<Path> files = Files.walk(classes)) {
            unpinned = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(SnapshotCompatibilityTests::load)
                    .filter(c -> Serializable.class.isAssignableFrom(c) && !Throwable.class.isAssignableFrom(c)
                            && !c.isRecord() && !c.isEnum() && !c.isInterface())
                    .filter(c -> Stream.of(c.getDeclaredFields()).noneMatch(f -> f.getName().equals("serialVersionUID")))
                    .toList();
        }
        assertThat(unpinned).isEmpty();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SnapshotCompatibilityTests.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
