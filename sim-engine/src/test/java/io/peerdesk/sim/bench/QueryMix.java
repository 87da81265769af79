package io.peerdesk.sim.bench;

import io.peerdesk.sim.bench.WorldGenerator.Kind;
import io.peerdesk.sim.bench.WorldGenerator.Link;
import io.peerdesk.sim.bench.WorldGenerator.Transit;
import io.peerdesk.sim.bench.WorldGenerator.VpcNode;
import io.peerdesk.sim.bench.WorldGenerator.World;
import io.peerdesk.sim.cloud.SecurityGroup;
import io.peerdesk.sim.cloud.Subnet;
import io.peerdesk.sim.insights.Analysis;
import io.peerdesk.sim.insights.ExplanationCode;
import io.peerdesk.sim.insights.Query;
import io.peerdesk.sim.net.IpAddress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random reachability queries over a {@link WorldGenerator} world, each written so that its answer
 * is known in advance (see {@link Category}). The mix, in percent:
 * <pre>
 *   40  REACHABLE_PEERING  across an active same-Region peering: 443 (CIDR rule), 8080 (subnet rule),
 *                          8443 (reference to the peer's web group) or 5432 (web to the peer's db group)
 *   10  REACHABLE_LOCAL    between two subnets of one VPC: 443 or 5432 (web to db by group reference)
 *   15  NO_ROUTE           to a VPC that is not peered (half of them a peer's peer: a transitive attempt
 *                          with no route for it)
 *   15  SG_MISMATCH        across an active peering, on a port or group no rule admits
 *   10  TRANSITIVE         to a peer's peer through the route the VPC has for it: the peer does not forward
 *    5  ACL_DENY           SSH into a subnet whose custom network ACL denies it
 *    5  INTER_REGION       across an inter-Region peering: the analyzer refuses to analyse (status failed)
 * </pre>
 * The cases are shuffled, so the categories interleave.
 */
public final class QueryMix {

    /** A query and what it was built to show. */
    public record Case(Category category, Query query) {

        /** True when the analysis answers as the case was built to make it answer. */
        public boolean asExpected(Analysis a) {
            return category.matches(a);
        }
    }

    public enum Category {
        REACHABLE_PEERING(40, null),
        REACHABLE_LOCAL(10, null),
        NO_ROUTE(15, ExplanationCode.NO_ROUTE_TO_DESTINATION),
        SG_MISMATCH(15, ExplanationCode.ENI_SG_RULES_MISMATCH),
        TRANSITIVE(10, ExplanationCode.PCX_REQUIRES_ADDRESS_IN_VPC_CIDR),
        ACL_DENY(5, ExplanationCode.SUBNET_ACL_RESTRICTION),
        INTER_REGION(5, null);

        final int percent;
        final ExplanationCode expected;

        Category(int percent, ExplanationCode expected) {
            this.percent = percent;
            this.expected = expected;
        }

        public boolean reachable() {
            return this == REACHABLE_PEERING || this == REACHABLE_LOCAL;
        }

        boolean matches(Analysis a) {
            if (reachable()) {
                return a.succeeded() && a.networkPathFound();
            }
            if (this == INTER_REGION) {
                return !a.succeeded() && !a.networkPathFound();
            }
            return a.succeeded() && !a.networkPathFound() && a.explanation(expected) != null;
        }
    }

    /** Which part of the mix to keep. */
    public enum Selection { MIXED, REACHABLE, REFUSED }

    private final World world;
    private final Random random;
    private final List<VpcNode> withSameRegionPeer = new ArrayList<>();
    private final List<VpcNode> withInterRegionPeer = new ArrayList<>();
    private final List<VpcNode> withCustomAcl = new ArrayList<>();

    private QueryMix(World world, long seed) {
        this.world = world;
        this.random = new Random(seed);
        for (VpcNode n : world.vpcs) {
            if (n.links.stream().anyMatch(l -> l.kind() != Kind.INTER_REGION)) {
                withSameRegionPeer.add(n);
            }
            if (n.links.stream().anyMatch(l -> l.kind() == Kind.INTER_REGION)) {
                withInterRegionPeer.add(n);
            }
            if (n.customAcl != null) {
                withCustomAcl.add(n);
            }
        }
    }

    /** {@code count} cases in the proportions above, shuffled. */
    public static Case[] generate(World world, int count, long seed) {
        return generate(world, count, seed, Selection.MIXED);
    }

    public static Case[] generate(World world, int count, long seed, Selection selection) {
        QueryMix mix = new QueryMix(world, seed);
        List<Category> categories = new ArrayList<>();
        for (Category c : Category.values()) {
            if (selection == Selection.MIXED || (selection == Selection.REACHABLE) == c.reachable()) {
                categories.add(c);
            }
        }
        int total = categories.stream().mapToInt(c -> c.percent).sum();
        List<Case> cases = new ArrayList<>(count);
        for (Category c : categories) {
            int n = (int) Math.round((double) count * c.percent / total);
            for (int i = 0; i < n && cases.size() < count; i++) {
                cases.add(mix.make(c));
            }
        }
        while (cases.size() < count) {
            cases.add(mix.make(categories.get(0)));
        }
        Collections.shuffle(cases, mix.random);
        return cases.toArray(Case[]::new);
    }

    /** How many cases of each category. */
    public static Map<Category, Integer> census(Case[] cases) {
        Map<Category, Integer> out = new EnumMap<>(Category.class);
        for (Case c : cases) {
            out.merge(c.category(), 1, Integer::sum);
        }
        return out;
    }

    private Case make(Category c) {
        return new Case(c, switch (c) {
            case REACHABLE_PEERING -> reachableAcrossPeering();
            case REACHABLE_LOCAL -> reachableInsideVpc();
            case NO_ROUTE -> noRoute();
            case SG_MISMATCH -> groupMismatch();
            case TRANSITIVE -> transitive();
            case ACL_DENY -> aclDeny();
            case INTER_REGION -> interRegion();
        });
    }

    private Query reachableAcrossPeering() {
        VpcNode a = pick(withSameRegionPeer);
        VpcNode b = sameRegionLink(a).peer();
        return switch (random.nextInt(4)) {
            case 0 -> query(a, b, WorldGenerator.HTTPS, a.web, b.web);
            case 1 -> query(a, b, WorldGenerator.ALT_HTTP, a.web, b.web);
            case 2 -> query(a, b, WorldGenerator.GROUP_PORT, a.web, b.web);
            default -> query(a, b, WorldGenerator.POSTGRES, a.web, b.db);
        };
    }

    private Query reachableInsideVpc() {
        VpcNode v = world.vpcs[random.nextInt(world.vpcs.length)];
        int s = random.nextInt(v.subnets.size());
        int t = (s + 1 + random.nextInt(v.subnets.size() - 1)) % v.subnets.size();
        boolean db = random.nextBoolean();
        return query(v.subnets.get(s), v.subnets.get(t), db ? WorldGenerator.POSTGRES : WorldGenerator.HTTPS, v.web,
                db ? v.db : v.web);
    }

    private Query noRoute() {
        VpcNode a = world.vpcs[random.nextInt(world.vpcs.length)];
        VpcNode c = null;
        if (random.nextBoolean() && !a.links.isEmpty()) {
            // a transitive attempt without a route: a peer's peer
            VpcNode b = a.links.get(random.nextInt(a.links.size())).peer();
            for (Link l : b.links) {
                if (l.peer() != a && !a.peeredWith(l.peer()) && l.peer().region().equals(a.region())
                        && (a.transit == null || a.transit.target() != l.peer())) {
                    c = l.peer();
                    break;
                }
            }
        }
        while (c == null || c == a || !c.region().equals(a.region()) || a.peeredWith(c)
                || (a.transit != null && a.transit.target() == c)) {
            c = world.vpcs[random.nextInt(world.vpcs.length)];
        }
        return query(a, c, WorldGenerator.HTTPS, a.web, c.web);
    }

    private Query groupMismatch() {
        VpcNode a = pick(withSameRegionPeer);
        VpcNode b = sameRegionLink(a).peer();
        return switch (random.nextInt(3)) {
            case 0 -> query(a, b, WorldGenerator.CLOSED_PORT, a.web, b.web); // no rule for the port
            case 1 -> query(a, b, WorldGenerator.HTTPS, a.web, b.db);        // db admits only 5432
            default -> query(a, b, WorldGenerator.GROUP_PORT, a.db, b.web);  // 8443 admits the web group only
        };
    }

    private Query transitive() {
        Transit t = world.transits.get(random.nextInt(world.transits.size()));
        // the transitive route is in the main table: subnets 0 and 2 use it; it covers the primary block only
        List<Subnet> mainTableSubnets = new ArrayList<>();
        mainTableSubnets.add(t.from().subnets.get(0));
        if (t.from().subnets.size() > 2) {
            mainTableSubnets.add(t.from().subnets.get(2));
        }
        Subnet src = pick(mainTableSubnets);
        Subnet dst = t.target().subnets.get(random.nextInt(2));
        return query(src, dst, WorldGenerator.HTTPS, t.from().web, t.target().web);
    }

    private Query aclDeny() {
        VpcNode v = pick(withCustomAcl);
        Subnet dst = v.subnets.get(1); // the subnet with the custom ACL
        Link l = v.links.stream().filter(x -> x.kind() != Kind.INTER_REGION).findFirst().orElse(null);
        if (l != null && random.nextBoolean()) {
            VpcNode p = l.peer();
            return query(pick(p.subnets), dst, WorldGenerator.SSH, p.web, v.web);
        }
        return query(v.subnets.get(0), dst, WorldGenerator.SSH, v.web, v.web);
    }

    private Query interRegion() {
        VpcNode a = pick(withInterRegionPeer);
        List<Link> links = a.links.stream().filter(l -> l.kind() == Kind.INTER_REGION).toList();
        VpcNode b = pick(links).peer();
        return query(a, b, WorldGenerator.HTTPS, a.web, b.web);
    }

    // ---- helpers ----

    private Link sameRegionLink(VpcNode a) {
        List<Link> links = a.links.stream().filter(l -> l.kind() != Kind.INTER_REGION).toList();
        return pick(links);
    }

    private Query query(VpcNode from, VpcNode to, int port, SecurityGroup srcGroup, SecurityGroup dstGroup) {
        return query(pick(from.subnets), pick(to.subnets), port, srcGroup, dstGroup);
    }

    private Query query(Subnet from, Subnet to, int port, SecurityGroup srcGroup, SecurityGroup dstGroup) {
        return new Query(from.id(), host(from), null, host(to), "tcp", port, List.of(srcGroup.id()),
                List.of(dstGroup.id()), null);
    }

    /** A random address AWS would hand out in the subnet (not the first four, not the last). */
    private IpAddress host(Subnet s) {
        long size = 1L << (32 - s.cidr().prefix());
        return IpAddress.v4(s.cidr().network().lo() + 4 + random.nextInt((int) size - 5));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
