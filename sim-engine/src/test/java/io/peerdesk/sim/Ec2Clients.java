package io.peerdesk.sim;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.net.URI;

/** Real AWS SDK for Java v2 EC2 clients pointed at a simulator endpoint. */
final class Ec2Clients {

    private Ec2Clients() {
    }

    static Ec2Client client(int port, String accessKey, String secret, String region) {
        return Ec2Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    static Ec2Client client(int port, String account, String region) {
        return client(port, account, "not-checked-in-open-mode", region);
    }
}
