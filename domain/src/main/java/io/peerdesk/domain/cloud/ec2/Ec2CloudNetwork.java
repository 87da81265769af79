package io.peerdesk.domain.cloud.ec2;

import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.Vpc;
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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link CloudNetwork} over the AWS SDK for Java v2 EC2 client. One HTTP client is shared; an EC2
 * client is built per call for the account's credentials and the region, pointed at
 * {@code portal.cloud.endpoint} when one is configured. Describe calls page through every result.
 */
@Component
@EnableConfigurationProperties(CloudProperties.class)
class Ec2CloudNetwork implements CloudNetwork, AutoCloseable {

    private final CloudProperties config;
    private final SdkHttpClient http;
    private final Ec2Failures failures;

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
        try (Ec2Client ec2 = client(credentials, region)) {
            var vpcs = read("DescribeVpcs", region, () -> ec2.describeVpcsPaginator(r -> r.maxResults(1000)).vpcs());
            if (vpcs.isEmpty()) {
                return List.of();
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
        }
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
        http.close();
    }
}
