package io.peerdesk.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Kills a running standalone simulator in the middle of a write load and checks what survives. */
class DurabilityIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryAcknowledgedChangeWhenKilledDuringWrites() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedTags = ConcurrentHashMap.newKeySet();
        StandaloneSimulator sim = StandaloneSimulator.start(dataDir, "--snapshot-every", "150");
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        for (int w = 0; w < 6; w++) {
            int worker = w;
            writers.submit(() -> {
                try (Ec2Client ec2 = Ec2Clients.client(sim.port(), "11111111111" + worker, "us-east-1")) {
                    for (int i = 0; !stop.get(); i++) {
                        String cidr = "10." + (i % 250) + "." + (i / 250 % 256) + ".0/24";
                        String vpc = ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
                        acknowledged.add(worker + "/" + vpc);
                        ec2.createTags(r -> r.resources(vpc).tags(t -> t.key("worker").value("w" + worker)));
                        acknowledgedTags.add(worker + "/" + vpc);
                    }
                } catch (RuntimeException expected) {
                    // the process was killed under this writer
                }
            });
        }
        while (acknowledged.size() < 600) {
            Thread.sleep(20);
        }
        sim.kill();
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        try (StandaloneSimulator restarted = StandaloneSimulator.start(dataDir)) {
            for (int w = 0; w < 6; w++) {
                int worker = w;
                try (Ec2Client ec2 = Ec2Clients.client(restarted.port(), "11111111111" + worker, "us-east-1")) {
                    List<Vpc> vpcs = ec2.describeVpcsPaginator(r -> r.maxResults(1000)).vpcs().stream().toList();
                    Set<String> present = vpcs.stream().map(v -> worker + "/" + v.vpcId()).collect(Collectors.toSet());
                    Set<String> tagged = vpcs.stream().filter(v -> v.tags().stream()
                                    .anyMatch(t -> t.key().equals("worker") && t.value().equals("w" + worker)))
                            .map(v -> worker + "/" + v.vpcId()).collect(Collectors.toSet());
                    assertThat(present).containsAll(acknowledged.stream().filter(a -> a.startsWith(worker + "/")).toList());
                    assertThat(tagged).containsAll(acknowledgedTags.stream().filter(a -> a.startsWith(worker + "/")).toList());
                }
            }
            assertThat(restarted.output()).anyMatch(l -> l.startsWith("recovered"));
        }
    }

    @Test
    void cutsTornLastRecordReportsItAndKeepsTheRest() throws Exception {
        String vpcId;
        try (StandaloneSimulator sim = StandaloneSimulator.start(dataDir, "--snapshot-every", "1000000");
             Ec2Client ec2 = Ec2Clients.client(sim.port(), "111111111111", "us-east-1")) {
            vpcId = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
            ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16"));
            sim.kill();
        }
        Path segment = lastJournalSegment();
        // a record whose header promises more bytes than were written: a write cut short by a crash
        Files.write(segment, new byte[] {0, 0, 1, 0, 1, 2, 3, 4, 'C', 'r'}, StandardOpenOption.APPEND);

        try (StandaloneSimulator restarted = StandaloneSimulator.start(dataDir);
             Ec2Client ec2 = Ec2Clients.client(restarted.port(), "111111111111", "us-east-1")) {
            assertThat(restarted.output()).anyMatch(l -> l.contains("torn last record"));
            assertThat(ec2.describeVpcs().vpcs()).hasSize(2).extracting(Vpc::vpcId).contains(vpcId);
            ec2.createVpc(r -> r.cidrBlock("10.3.0.0/16"));
            assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("cidr").values("10.3.0.0/16").build()))
                    .vpcs()).hasSize(1);
        }
    }

    private Path lastJournalSegment() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("journal"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .max(Comparator.comparing(Path::toString)).orElseThrow();
        }
    }
}
