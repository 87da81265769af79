package io.peerdesk.web;

import io.peerdesk.domain.contract.Contract;
import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.ContractProposal;
import io.peerdesk.domain.contract.ContractState;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.inventory.VpcQuery;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.tenancy.Tenancy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import io.peerdesk.domain.peering.PeeringSide;
import io.peerdesk.domain.peering.PeeringSuggestion;
import io.peerdesk.domain.peering.PlannedRoute;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What peering tests share: the demo members as actors, VPC ids by name, the contracts a pair needs
 * (the demo's Acme ↔ Globex one, and two test contracts made once per portal: a wide Acme ↔ Globex
 * one covering every 10.x VPC, and an active Acme ↔ Initech one), a bounded wait for the workflow's
 * background steps, and the routes the simulated cloud holds.
 */
public final class PeeringWorld {

    public static final String WIDE_CONTRACT = "Test: Acme ↔ Globex all 10.x VPCs";
    public static final String INITECH_CONTRACT = "Test: Acme ↔ Initech legacy";

    private final Tenancy tenancy;
    private final Contracts contracts;
    private final Inventory inventory;

    public PeeringWorld(Tenancy tenancy, Contracts contracts, Inventory inventory) {
        this.tenancy = tenancy;
        this.contracts = contracts;
        this.inventory = inventory;
    }

    public Actor as(String username) {
        var login = tenancy.findLogin(username).orElseThrow();
        return new Actor(login.tenant(), username, login.roles(), "127.0.0.1");
    }

    /** The id of a VPC by name, read as a network admin of its tenant. */
    public VpcId vpc(String owner, String name) {
        return inventory.vpcs(as(owner), new VpcQuery(name, null, null, null, 1, 50)).items().stream()
                .filter(v -> name.equals(v.name())).findFirst().orElseThrow().id();
    }

    /** The demo's active Acme ↔ Globex contract. */
    public ContractId demoContract() {
        return contracts.list(as("ada"), ContractState.ACTIVE).stream()
                .filter(c -> c.title().equals("Acme ↔ Globex production peering")).findFirst().orElseThrow().id();
    }

    /** An active Acme ↔ Globex contract letting every 10.x VPC of both peer (made once). */
    public synchronized ContractId wideContract() {
        return activeContract(WIDE_CONTRACT, "globex", "greta", List.of("us-east-1", "eu-west-1"),
                List.of("10.10.0.0/15", "10.30.0.0/16"), List.of("10.20.0.0/15"));
    }

    /** An active Acme ↔ Initech contract (made once): the demo's own is only proposed. */
    public synchronized ContractId initechContract() {
        return activeContract(INITECH_CONTRACT, "initech", "iris", List.of("us-east-1"), List.of("10.30.0.0/16"),
                List.of("172.16.0.0/16"));
    }

    private ContractId activeContract(String title, String partner, String partnerAdmin, List<String> regions,
                                      List<String> acmePrefixes, List<String> partnerPrefixes) {
        Actor ada = as("ada");
        var existing = contracts.list(ada, ContractState.ACTIVE).stream().filter(c -> c.title().equals(title)).findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        var today = contracts.today();
        Contract proposed = contracts.propose(ada, new ContractProposal(tenancy.findBySlug(partner).orElseThrow().id(), title,
                today, today.plusYears(1), regions, acmePrefixes, partnerPrefixes,
                List.of("tcp 443"), false, new BigDecimal("99.9"), 20, 10, 14, "Sundays", EnumSet.noneOf(
                        io.peerdesk.domain.contact.ContactRole.class)));
        return contracts.accept(as(partnerAdmin), proposed.id()).id();
    }

    /**
     * The suggested routes for a pair, plus a route in the first route table of a side the suggestion
     * left without one (it reads the first active contract with the partner, which may not expose the VPC).
     */
    public static List<PlannedRoute> routes(PeeringSuggestion suggestion, String requesterCidr, String accepterCidr) {
        List<PlannedRoute> routes = new ArrayList<>(suggestion.routes());
        if (routes.stream().noneMatch(r -> r.side() == PeeringSide.REQUESTER)) {
            routes.add(new PlannedRoute(PeeringSide.REQUESTER, suggestion.targets().requesterRouteTables().get(0).id(), accepterCidr));
        }
        if (routes.stream().noneMatch(r -> r.side() == PeeringSide.ACCEPTER)) {
            routes.add(new PlannedRoute(PeeringSide.ACCEPTER, suggestion.targets().accepterRouteTables().get(0).id(), requesterCidr));
        }
        return routes;
    }

    /** Waits until the condition holds (background steps of the workflow), at most {@code within}. */
    public static void await(String what, Duration within, BooleanSupplier condition) {
        Instant until = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("waited " + within.toSeconds() + " s in vain for: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The destinations routed through {@code pcxId} in the VPC's route tables, as the simulated cloud reports them. */
    public static List<String> routesVia(int simulatorPort, String account, String region, String cloudVpcId, String pcxId) {
        try (Ec2Client ec2 = ec2(simulatorPort, account, region)) {
            return ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(cloudVpcId))).routeTables().stream()
                    .flatMap(t -> t.routes().stream())
                    .filter(route -> pcxId != null && pcxId.equals(route.vpcPeeringConnectionId()))
                    .map(route -> route.destinationCidrBlock()).toList();
        }
    }

    /** The security group's inbound rules from {@code cidr}, e.g. {@code tcp 443-443}, as the simulated cloud reports them. */
    public static List<String> ingressFrom(int simulatorPort, String account, String region, String groupId, String cidr) {
        try (Ec2Client ec2 = ec2(simulatorPort, account, region)) {
            return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().stream()
                    .flatMap(g -> g.ipPermissions().stream())
                    .filter(p -> p.ipRanges().stream().anyMatch(range -> cidr.equals(range.cidrIp())))
                    .map(p -> p.ipProtocol() + " " + p.fromPort() + "-" + p.toPort()).toList();
        }
    }

    private static Ec2Client ec2(int simulatorPort, String account, String region) {
        return Ec2Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + simulatorPort))
                .region(Region.of(region)).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "open-mode")))
                .build();
    }
}
