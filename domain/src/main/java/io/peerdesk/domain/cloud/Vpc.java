package io.peerdesk.domain.cloud;

import java.util.List;

/** A VPC as the cloud reports it, with everything inside it the portal keeps in its inventory. */
public record Vpc(String vpcId, String ownerId, String region, String name, String state, boolean isDefault,
                  List<CidrBlock> cidrBlocks, List<Subnet> subnets, List<RouteTable> routeTables,
                  List<SecurityGroup> securityGroups, List<NetworkAcl> networkAcls) {

    public Vpc {
        cidrBlocks = List.copyOf(cidrBlocks);
        subnets = List.copyOf(subnets);
        routeTables = List.copyOf(routeTables);
        securityGroups = List.copyOf(securityGroups);
        networkAcls = List.copyOf(networkAcls);
    }

    /** The Name tag, or the id when untagged. */
    public String label() {
        return name == null || name.isBlank() ? vpcId : name;
    }
}
