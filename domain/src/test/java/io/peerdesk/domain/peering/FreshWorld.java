package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.PeeringCloud;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.ContractProposal;
import io.peerdesk.domain.inventory.VpcDetail;
import io.peerdesk.domain.peering.PeeringTestBase.Org;
import io.peerdesk.sim.seed.SeedWorld;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Two organisations of their own with fresh accounts in {@link PeeringCloud}: the requester's VPC
 * {@code req-N} (10.10.0.0/16: subnets req-a and req-b, route table req-private, group req-app)
 * and the accepter's VPCs {@code acc-N}, {@code acc-N-2}, … (10.20.0.0/16, 10.21.0.0/16, …: subnet
 * acc-a, route table acc-private, group acc-api), registered, synced, and an active contract between
 * them (us-east-1 and eu-west-1; 10.10.0.0/16 and 10.16.0.0/12 exposed; tcp 443 and udp 161).
 */
final class FreshWorld {

    private static final AtomicInteger COUNT = new AtomicInteger();

    final Org requester;
    final Org accepter;
    final String requesterAccount;
    final String accepterAccount;
    final VpcDetail requesterVpc;
    /** The requester's VPCs, {@link #requesterVpc} first; the others ({@code req-N-2}, …) are like it. */
    final List<VpcDetail> requesterVpcs;
    final List<VpcDetail> accepterVpcs;
    final ContractId contract;

    private FreshWorld(Org requester, Org accepter, String requesterAccount, String accepterAccount,
                       List<VpcDetail> requesterVpcs, List<VpcDetail> accepterVpcs, ContractId contract) {
        this.requester = requester;
        this.accepter = accepter;
        this.requesterAccount = requesterAccount;
        this.accepterAccount = accepterAccount;
        this.requesterVpc = requesterVpcs.get(0);
        this.requesterVpcs = requesterVpcs;
        this.accepterVpcs = accepterVpcs;
        this.contract = contract;
    }

    /** The default terms, except that every peering and change needs the accepter's security review. */
    static final UnaryOperator<ContractProposal> REVIEWED = p -> new ContractProposal(p.partner(), p.title(), p.validFrom(),
            p.validUntil(), p.regions(), p.proposerPrefixes(), p.partnerPrefixes(), p.ports(), true, p.sloAvailability(),
            p.sloLatencyMs(), p.maxPeerings(), p.maintenanceNoticeDays(), p.maintenanceWindow(), p.sharedContactRoles());

    static FreshWorld create(PeeringTestBase base) {
        return create(base, 1, p -> p);
    }

    static FreshWorld create(PeeringTestBase base, int accepterVpcs, UnaryOperator<ContractProposal> terms) {
        return create(base, accepterVpcs, terms, "us-east-1");
    }

    /** With the accepter's VPCs in {@code accepterRegion} (eu-west-1: an inter-Region peering). */
    static FreshWorld create(PeeringTestBase base, int accepterVpcs, UnaryOperator<ContractProposal> terms,
                             String accepterRegion) {
        return create(base, 1, accepterVpcs, terms, accepterRegion);
    }

    /** With {@code requesterVpcs} VPCs in the requester's account, all alike (the same block, table and group). */
    static FreshWorld create(PeeringTestBase base, int requesterVpcs, int accepterVpcs, UnaryOperator<ContractProposal> terms,
                             String accepterRegion) {
        int n = COUNT.incrementAndGet();
        String requesterAccount = PeeringCloud.newAccount();
        String accepterAccount = PeeringCloud.newAccount();
        List<SeedWorld.Vpc> theirs = new ArrayList<>();
        for (int i = 0; i < accepterVpcs; i++) {
            theirs.add(vpc(name("acc", n, i), "10." + (20 + i) + ".0.0/16", "acc", accepterRegion));
        }
        List<SeedWorld.Vpc> mine = new ArrayList<>();
        for (int i = 0; i < requesterVpcs; i++) {
            mine.add(vpc(name("req", n, i), "10.10.0.0/16", "req", "us-east-1"));
        }
        PeeringCloud.seed(new SeedWorld.Account(requesterAccount, "Requester " + n, mine),
                new SeedWorld.Account(accepterAccount, "Accepter " + n, theirs));
        Org requester = base.org("req");
        Org accepter = base.org("acc");
        base.registerAndSync(requester, requesterAccount, "us-east-1");
        base.registerAndSync(accepter, accepterAccount, accepterRegion);
        ContractId contract = base.contract(requester, accepter, terms.apply(proposal(accepter, base)));
        List<VpcDetail> requesterDetails = new ArrayList<>();
        for (int i = 0; i < requesterVpcs; i++) {
            requesterDetails.add(base.vpc(requester, name("req", n, i)));
        }
        List<VpcDetail> accepterDetails = new ArrayList<>();
        for (int i = 0; i < accepterVpcs; i++) {
            accepterDetails.add(base.vpc(accepter, name("acc", n, i)));
        }
        return new FreshWorld(requester, accepter, requesterAccount, accepterAccount, requesterDetails, accepterDetails,
                contract);
    }

    VpcDetail accepterVpc() {
        return accepterVpcs.get(0);
    }

    String requesterTable() {
        return PeeringTestBase.table(requesterVpc, "req-private");
    }

    String accepterTable() {
        return PeeringTestBase.table(accepterVpc(), "acc-private");
    }

    String requesterGroup() {
        return PeeringTestBase.group(requesterVpc, "req-app");
    }

    String accepterGroup() {
        return PeeringTestBase.group(accepterVpc(), "acc-api");
    }

    /** Routes both ways; tcp 443 into the accepter's api group (from the requester's block), udp 161 back into req-app. */
    NewPeeringRequest request() {
        return request(accepterVpc());
    }

    NewPeeringRequest request(VpcDetail theirs) {
        return request(requesterVpc, theirs);
    }

    /** The same request from another of the requester's VPCs. */
    NewPeeringRequest request(VpcDetail mine, VpcDetail theirs) {
        String theirBlock = theirs.vpc().cidrBlocks().get(0).cidr();
        return new NewPeeringRequest(contract, mine.id(), theirs.id(),
                List.of(new PlannedRoute(PeeringSide.REQUESTER, PeeringTestBase.table(mine, "req-private"), theirBlock),
                        new PlannedRoute(PeeringSide.ACCEPTER, PeeringTestBase.table(theirs, "acc-private"), "10.10.0.0/16")),
                List.of(new PlannedRule(PeeringSide.ACCEPTER, PeeringTestBase.group(theirs, "acc-api"), "tcp", 443, null, null),
                        new PlannedRule(PeeringSide.REQUESTER, PeeringTestBase.group(mine, "req-app"), "udp", 161, 161, theirBlock)));
    }

    /** {@code req-N}, {@code req-N-2}, …; {@code acc-N}, {@code acc-N-2}, … */
    private static String name(String prefix, int n, int i) {
        return i == 0 ? prefix + "-" + n : prefix + "-" + n + "-" + (i + 1);
    }

    private static SeedWorld.Vpc vpc(String name, String cidr, String prefix, String region) {
        String net = cidr.substring(0, cidr.indexOf(".0.0/"));
        List<SeedWorld.Subnet> subnets = prefix.equals("req")
                ? List.of(new SeedWorld.Subnet("req-a", net + ".1.0/24", region + "a"),
                          new SeedWorld.Subnet("req-b", net + ".2.0/24", region + "b"))
                : List.of(new SeedWorld.Subnet("acc-a", net + ".1.0/24", region + "a"));
        List<String> subnetNames = subnets.stream().map(SeedWorld.Subnet::name).toList();
        SeedWorld.SecurityGroup group = new SeedWorld.SecurityGroup(prefix.equals("req") ? "req-app" : "acc-api",
                "Service", List.of(new SeedWorld.Rule("tcp", "443", cidr, null, "inside the VPC")), List.of());
        return new SeedWorld.Vpc(name, region, cidr, List.of(), false, false, subnets,
                List.of(new SeedWorld.RouteTable(prefix + "-private", subnetNames, false)), List.of(group), List.of());
    }

    private static ContractProposal proposal(Org partner, PeeringTestBase base) {
        var today = base.contracts.today();
        return new ContractProposal(partner.tenant().id(), "Peering terms", today, today.plusYears(1),
                List.of("us-east-1", "eu-west-1"), List.of("10.10.0.0/16"), List.of("10.16.0.0/12"),
                List.of("tcp 443", "udp 161"), false, new BigDecimal("99.9"), 20, 10, 14, "Tuesdays 02:00–04:00 UTC",
                Set.of(ContactRole.NOC));
    }
}
