package io.peerdesk.sim.seed;

import java.util.List;

/**
 * A world to create on a simulator's first start, as read from a seed file (YAML or JSON).
 * Resources refer to each other by name; every created resource gets a {@code Name} tag.
 */
public record SeedWorld(List<Account> accounts, List<Peering> peerings) {

    public SeedWorld {
        accounts = accounts == null ? List.of() : accounts;
        peerings = peerings == null ? List.of() : peerings;
    }

    public record Account(String id, String organisation, List<Vpc> vpcs) {
        public Account {
            vpcs = vpcs == null ? List.of() : vpcs;
        }
    }

    public record Vpc(String name, String region, String cidr, List<String> secondaryCidrs, boolean ipv6,
                      boolean internetGateway, List<Subnet> subnets, List<RouteTable> routeTables,
                      List<SecurityGroup> securityGroups, List<NetworkAcl> networkAcls) {
        public Vpc {
            secondaryCidrs = secondaryCidrs == null ? List.of() : secondaryCidrs;
            subnets = subnets == null ? List.of() : subnets;
            routeTables = routeTables == null ? List.of() : routeTables;
            securityGroups = securityGroups == null ? List.of() : securityGroups;
            networkAcls = networkAcls == null ? List.of() : networkAcls;
        }
    }

    public record Subnet(String name, String cidr, String az) {
    }

    /** A custom route table; {@code internetRoute} adds 0.0.0.0/0 to the VPC's internet gateway. */
    public record RouteTable(String name, List<String> subnets, boolean internetRoute) {
        public RouteTable {
            subnets = subnets == null ? List.of() : subnets;
        }
    }

    public record SecurityGroup(String name, String description, List<Rule> ingress, List<Rule> egress) {
        public SecurityGroup {
            ingress = ingress == null ? List.of() : ingress;
            egress = egress == null ? List.of() : egress;
        }
    }

    /** A rule's peer is a CIDR or another group of the same VPC (by name); ports "443" or "8000-8100". */
    public record Rule(String protocol, String ports, String cidr, String group, String description) {
    }

    public record NetworkAcl(String name, List<String> subnets, List<AclEntry> entries) {
        public NetworkAcl {
            subnets = subnets == null ? List.of() : subnets;
            entries = entries == null ? List.of() : entries;
        }
    }

    public record AclEntry(int rule, boolean egress, String protocol, String ports, String cidr, String action) {
    }

    /** A peering between two seeded VPCs, by name; {@code accept} makes it active. */
    public record Peering(String requester, String accepter, boolean accept) {
    }
}
