package io.peerdesk.domain.cloud.ec2;

import io.peerdesk.domain.cloud.AuthorizedRule;
import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.IngressRule;
import io.peerdesk.domain.cloud.PeeringConnection;
import io.peerdesk.domain.cloud.Reachability;
import io.peerdesk.domain.cloud.ReachabilityQuery;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.cloud.VpcPart;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link CloudNetwork} over the AWS SDK for Java v2 EC2 client. One HTTP client is shared; an EC2
 * client is built for the account's credentials and the region, pointed at
 * {@code portal.cloud.endpoint} when one is configured, and kept for the next call with the same
 * credentials and region (up to {@value #KEPT_CLIENTS}; beyond that a client is built per call). Describe calls page through every result.
 * Peering connections, routes and rules, and reachability analysis are in {@link Ec2Peerings},
 * {@link Ec2Routing} and {@link Ec2Reachability}.
 */
@Component
@EnableConfigurationProperties(CloudProperties.class)
class Ec2CloudNetwork implements CloudNetwork, AutoCloseable {

    /** Building a client loads the SDK's interceptors from the class path and starts its own timeout scheduler. */
    private static final int KEPT_CLIENTS = 256;

    private final CloudProperties config;
    private final SdkHttpClient http;
    private final Ec2Failures failures;
    private final ConcurrentMap<ClientKey, Ec2Client> clients = new ConcurrentHashMap<>();

    /** Replaced credentials are another key: a client never acts with a key the account no longer has. */
    private record ClientKey(CloudCredentials credentials, String region) {
    }

    Ec2CloudNetwork(CloudProperties config) {
        this.config = config;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(config.connectTimeout())
                .socketTimeout(config.readTimeout())
                .build();
        this.failures = new Ec2Failures(config);
    }

    @Override
    public List<Vpc> describeVpcs(CloudCredentials credentials, String region) {
        return with(credentials, region, ec2 -> {
            var vpcs = read("DescribeVpcs", region, () -> ec2.describeVpcsPaginator(r -> r.maxResults(1000)).vpcs());
            if (vpcs.isEmpty()) {
                return List.<Vpc>of();
            }
            var subnets = read("DescribeSubnets", region, () -> ec2.describeSubnetsPaginator(r -> r.maxResults(1000)).subnets());
            var routeTables = read("DescribeRouteTables", region,
                    () -> ec2.describeRouteTablesPaginator(r -> r.maxResults(100)).routeTables());
            var groups = read("DescribeSecurityGroups", region,
                    () -> ec2.describeSecurityGroupsPaginator(r -> r.maxResults(1000)).securityGroups());
            var rules = read("DescribeSecurityGroupRules", region,
                    () -> ec2.describeSecurityGroupRulesPaginator(r -> r.maxResults(1000)).securityGroupRules());
            var acls = read("DescribeNetworkAcls", region,
                    () -> ec2.describeNetworkAclsPaginator(r -> r.maxResults(100)).networkAcls());
            return new VpcAssembler(region, subnets, routeTables, groups, rules, acls).assemble(vpcs);
        });
    }

    @Override
    public Optional<Vpc> describeVpc(CloudCredentials credentials, String region, String vpcId, Set<VpcPart> parts) {
        return with(credentials, region, ec2 -> {
            Filter inVpc = Filter.builder().name("vpc-id").values(vpcId).build();
            var vpcs = read("DescribeVpcs", region, () -> ec2.describeVpcsPaginator(r -> r.filters(inVpc)).vpcs());
            if (vpcs.isEmpty()) {
                return Optional.empty();
            }
            var subnets = !parts.contains(VpcPart.SUBNETS) ? List.<software.amazon.awssdk.services.ec2.model.Subnet>of()
                    : read("DescribeSubnets", region, () -> ec2.describeSubnetsPaginator(r -> r.filters(inVpc)).subnets());
            var routeTables = !parts.contains(VpcPart.ROUTE_TABLES)
                    ? List.<software.amazon.awssdk.services.ec2.model.RouteTable>of()
                    : read("DescribeRouteTables", region,
                    () -> ec2.describeRouteTablesPaginator(r -> r.filters(inVpc)).routeTables());
            var groups = !parts.contains(VpcPart.SECURITY_GROUPS)
                    ? List.<software.amazon.awssdk.services.ec2.model.SecurityGroup>of()
                    : read("DescribeSecurityGroups", region,
                    () -> ec2.describeSecurityGroupsPaginator(r -> r.filters(inVpc)).securityGroups());
            List<String> groupIds = groups.stream().map(g -> g.groupId()).toList();
            var rules = groupIds.isEmpty() ? List.<software.amazon.awssdk.services.ec2.model.SecurityGroupRule>of()
                    : read("DescribeSecurityGroupRules", region, () -> ec2.describeSecurityGroupRulesPaginator(
                            r -> r.filters(Filter.builder().name("group-id").values(groupIds).build())).securityGroupRules());
            var acls = !parts.contains(VpcPart.NETWORK_ACLS) ? List.<software.amazon.awssdk.services.ec2.model.NetworkAcl>of()
                    : read("DescribeNetworkAcls", region,
                    () -> ec2.describeNetworkAclsPaginator(r -> r.filters(inVpc)).networkAcls());
            return new VpcAssembler(region, subnets, routeTables, groups, rules, acls).assemble(vpcs).stream().findFirst();
        });
    }

    @Override
    public PeeringConnection createPeeringConnection(CloudCredentials requester, String region, String vpcId,
                                                     String peerVpcId, String peerOwnerId, String peerRegion,
                                                     String requestTag) {
        return with(requester, region, ec2 -> peerings(ec2, region)
                .create(vpcId, peerVpcId, peerOwnerId, peerRegion, requestTag));
    }

    @Override
    public Optional<PeeringConnection> describePeeringConnection(CloudCredentials credentials, String region,
                                                                 String pcxId) {
        return with(credentials, region, ec2 -> peerings(ec2, region).describe(pcxId));
    }

    @Override
    public PeeringConnection acceptPeeringConnection(CloudCredentials accepter, String accepterRegion, String pcxId) {
        return with(accepter, accepterRegion, ec2 -> peerings(ec2, accepterRegion).accept(pcxId));
    }

    @Override
    public void rejectPeeringConnection(CloudCredentials accepter, String accepterRegion, String pcxId) {
        run(accepter, accepterRegion, ec2 -> peerings(ec2, accepterRegion).reject(pcxId));
    }

    @Override
    public void deletePeeringConnection(CloudCredentials credentials, String region, String pcxId) {
        run(credentials, region, ec2 -> peerings(ec2, region).delete(pcxId));
    }

    @Override
    public void createRoute(CloudCredentials credentials, String region, String routeTableId, String destinationCidr,
                            String pcxId) {
        run(credentials, region, ec2 -> routing(ec2, region).createRoute(routeTableId, destinationCidr, pcxId));
    }

    @Override
    public void deleteRoute(CloudCredentials credentials, String region, String routeTableId, String destinationCidr) {
        run(credentials, region, ec2 -> routing(ec2, region).deleteRoute(routeTableId, destinationCidr));
    }

    @Override
    public AuthorizedRule authorizeSecurityGroupIngress(CloudCredentials credentials, String region, String groupId,
                                                        IngressRule rule) {
        return with(credentials, region, ec2 -> routing(ec2, region).authorize(groupId, rule));
    }

    @Override
    public void revokeSecurityGroupIngress(CloudCredentials credentials, String region, String groupId,
                                           IngressRule rule) {
        run(credentials, region, ec2 -> routing(ec2, region).revoke(groupId, rule));
    }

    @Override
    public Reachability analyzeReachability(CloudCredentials credentials, String region, ReachabilityQuery query) {
        return with(credentials, region, ec2 -> new Ec2Reachability(ec2, new Ec2Calls(failures, region)).analyze(query));
    }

    private Ec2Peerings peerings(Ec2Client ec2, String region) {
        return new Ec2Peerings(ec2, new Ec2Calls(failures, region));
    }

    private Ec2Routing routing(Ec2Client ec2, String region) {
        return new Ec2Routing(ec2, new Ec2Calls(failures, region));
    }

    private <T> T with(CloudCredentials credentials, String region, Function<Ec2Client, T> work) {
        Ec2Client kept = kept(credentials, region);
        if (kept != null) {
            return work.apply(kept);
        }
        try (Ec2Client ec2 = client(credentials, region)) {
            return work.apply(ec2);
        }
    }

    private void run(CloudCredentials credentials, String region, Consumer<Ec2Client> work) {
        with(credentials, region, ec2 -> {
            work.accept(ec2);
            return null;
        });
    }

    /** The kept client for the credentials and region, made now if there is room; null when the cache is full. */
    private Ec2Client kept(CloudCredentials credentials, String region) {
        ClientKey key = new ClientKey(credentials, region);
        Ec2Client client = clients.get(key);
        if (client != null || clients.size() >= KEPT_CLIENTS) {
            return client;
        }
        return clients.computeIfAbsent(key, k -> client(credentials, region));
    }

    /** Reads every page; an SDK failure becomes a {@link io.peerdesk.domain.cloud.CloudFailure} naming the call. */
    private <T> List<T> read(String operation, String region, Supplier<Iterable<T>> pages) {
        try {
            List<T> all = new ArrayList<>();
            pages.get().forEach(all::add);
            return all;
        } catch (SdkException e) {
            throw failures.of(e, operation, region);
        }
    }

    private Ec2Client client(CloudCredentials credentials, String region) {
        Ec2ClientBuilder builder = Ec2Client.builder()
                .httpClient(http)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())))
                .overrideConfiguration(c -> c
                        .apiCallTimeout(config.callTimeout())
                        .retryStrategy(r -> r.maxAttempts(config.maxAttempts())));
        if (config.hasEndpoint()) {
            builder.endpointOverride(config.endpoint());
        }
        return builder.build();
    }

    @Override
    public void close() {
        clients.values().forEach(Ec2Client::close);
        clients.clear();
        http.close();
    }
}
