package io.peerdesk.domain.cloud.ec2;

import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.cloud.NetworkAcl;
import io.peerdesk.domain.cloud.Route;
import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.RuleDirection;
import io.peerdesk.domain.cloud.SecurityGroup;
import io.peerdesk.domain.cloud.SimulatedCloud;
import io.peerdesk.domain.cloud.Vpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The EC2 adapter through the real AWS SDK against the simulated cloud's endpoint. */
class Ec2CloudNetworkTests {

    static Ec2CloudNetwork cloud;

    @BeforeAll
    static void adapter() {
        cloud = adapter(SimulatedCloud.endpoint());
    }

    @AfterAll
    static void close() {
        cloud.close();
    }

    @Test
    void describesAVpcWithEverythingInside() {
        Vpc prod = vpc(cloud.describeVpcs(SimulatedCloud.credentials(SimulatedCloud.ACME), "us-east-1"), "acme-prod");

        assertThat(prod.ownerId()).isEqualTo(SimulatedCloud.ACME);
        assertThat(prod.region()).isEqualTo("us-east-1");
        assertThat(prod.cidrBlocks()).extracting(b -> b.cidr()).startsWith("10.10.0.0/16", "100.64.10.0/24");
        assertThat(prod.cidrBlocks()).filteredOn(b -> b.ipv6()).singleElement()
                .satisfies(b -> assertThat(b.cidr()).contains("::/56"));
        assertThat(prod.subnets()).extracting(s -> s.name())
                .containsExactlyInAnyOrder("acme-prod-app-a", "acme-prod-app-b", "acme-prod-edge-a");

        RouteTable publicTable = prod.routeTables().stream().filter(t -> "acme-prod-public".equals(t.name())).findFirst().orElseThrow();
        assertThat(publicTable.routes()).extracting(Route::destination, r -> r.target().substring(0, 4), Route::state)
                .contains(org.assertj.core.groups.Tuple.tuple("0.0.0.0/0", "igw-", "active"));
        assertThat(publicTable.subnetIds()).hasSize(1);
        assertThat(prod.routeTables()).filteredOn(RouteTable::main).hasSize(1);

        SecurityGroup db = prod.securityGroups().stream().filter(g -> g.name().equals("acme-prod-db")).findFirst().orElseThrow();
        String appGroup = prod.securityGroups().stream().filter(g -> g.name().equals("acme-prod-app")).findFirst()
                .orElseThrow().groupId();
        assertThat(db.rules(RuleDirection.INGRESS)).singleElement().satisfies(rule -> {
            assertThat(rule.referencedGroupId()).isEqualTo(appGroup);
            assertThat(rule.portsLabel()).isEqualTo("5432");
            assertThat(rule.protocolLabel()).isEqualTo("tcp");
            assertThat(rule.ruleId()).startsWith("sgr-");
        });
        assertThat(db.rules(RuleDirection.EGRESS)).extracting(r -> r.peer()).contains("0.0.0.0/0");

        NetworkAcl defaultAcl = prod.networkAcls().stream().filter(NetworkAcl::isDefault).findFirst().orElseThrow();
        assertThat(defaultAcl.associations()).hasSize(3);
        assertThat(defaultAcl.entries(RuleDirection.INGRESS)).extracting(e -> e.ruleLabel()).startsWith("100").contains("*");
    }

    @Test
    void seesOnlyTheRegionAsked() {
        List<Vpc> eu = cloud.describeVpcs(SimulatedCloud.credentials(SimulatedCloud.ACME), "eu-west-1");

        assertThat(eu).extracting(Vpc::name).containsExactly("acme-eu");
        assertThat(cloud.describeVpcs(SimulatedCloud.credentials(SimulatedCloud.ACME), "us-west-2")).isEmpty();
    }

    @Test
    void aWrongSecretIsRefusedAsCredentials() {
        CloudCredentials wrong = new CloudCredentials(SimulatedCloud.ACME, SimulatedCloud.ACME, "not-the-secret");

        assertThatThrownBy(() -> cloud.describeVpcs(wrong, "us-east-1"))
                .isInstanceOfSatisfying(CloudFailure.class, e -> {
                    assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.getMessage()).contains("credentials were refused").contains("DescribeVpcs");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void anUnknownAccessKeyIsRefusedAsCredentials() {
        CloudCredentials unknown = new CloudCredentials("555555555555", "AKIANOBODY", "whatever");

        assertThatThrownBy(() -> cloud.describeVpcs(unknown, "us-east-1"))
                .isInstanceOfSatisfying(CloudFailure.class, e -> {
                    assertThat(e.code()).isIn("AuthFailure", "HTTP 401");
                    assertThat(e.getMessage()).contains("credentials were refused");
                });
    }

    @Test
    void aRegionTheCloudDoesNotOfferIsNamed() {
        assertThatThrownBy(() -> cloud.describeVpcs(SimulatedCloud.credentials(SimulatedCloud.ACME), "ap-east-1"))
                .isInstanceOfSatisfying(CloudFailure.class, e -> {
                    assertThat(e.code()).isEqualTo("OptInRequired");
                    assertThat(e.getMessage()).contains("region ap-east-1 is not available");
                });
    }

    @Test
    void anEndpointThatIsDownIsUnreachable() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }
        try (Ec2CloudNetwork down = adapter(closed)) {
            assertThatThrownBy(() -> down.describeVpcs(SimulatedCloud.credentials(SimulatedCloud.ACME), "us-east-1"))
                    .isInstanceOfSatisfying(CloudFailure.class, e -> {
                        assertThat(e.code()).isEqualTo(CloudFailure.UNREACHABLE);
                        assertThat(e.getMessage()).isEqualTo("The cloud endpoint " + closed
                                + " is unreachable (connection refused).");
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.unavailable()).isTrue();
                    });
        }
    }

    @Test
    void anEndpointThatAcceptsButNeverAnswersTimesOutAsUnavailableWithoutHanging() throws IOException {
        try (ServerSocket silent = new ServerSocket(0);
             Ec2CloudNetwork hung = new Ec2CloudNetwork(new CloudProperties(
                     URI.create("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofSeconds(1), Duration.ofSeconds(1),
                     Duration.ofSeconds(2), 3))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> hung.describeVpcs(SimulatedCloud.credentials(SimulatedCloud.ACME), "us-east-1"))
                    .isInstanceOfSatisfying(CloudFailure.class, e -> {
                        assertThat(e.code()).isEqualTo(CloudFailure.TIMEOUT);
                        assertThat(e.getMessage()).contains("did not answer DescribeVpcs in time");
                        assertThat(e.unavailable()).isTrue();
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the call timeout")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    private static Vpc vpc(List<Vpc> vpcs, String name) {
        return vpcs.stream().filter(v -> name.equals(v.name())).findFirst().orElseThrow();
    }

    private static Ec2CloudNetwork adapter(String endpoint) {
        return new Ec2CloudNetwork(new CloudProperties(URI.create(endpoint), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 2));
    }
}
