package io.peerdesk.domain.cloud;

import java.util.EnumSet;
import java.util.Set;

/**
 * What {@link CloudNetwork#describeVpc} reads of a VPC besides the VPC itself (its CIDR blocks): a
 * call to the cloud per part, two for security groups (the groups and their rules).
 */
public enum VpcPart {
    SUBNETS, ROUTE_TABLES, SECURITY_GROUPS, NETWORK_ACLS;

    public static Set<VpcPart> all() {
        return EnumSet.allOf(VpcPart.class);
    }
}
