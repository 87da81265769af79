package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.Resource;

import java.io.Serializable;

/**
 * A resource named in an analysis ({@code AnalysisComponent}: id and ARN). The owner and region
 * are kept so the ARN can be built when rendered; both are null for an id that resolved to nothing.
 */
public record AnalysisComponent(String id, String ownerId, String region) implements Serializable {

    static AnalysisComponent of(Resource resource) {
        return new AnalysisComponent(resource.id(), resource.ownerId(), resource.region());
    }

    static AnalysisComponent unresolved(String id) {
        return new AnalysisComponent(id, null, null);
    }

    /** The ARN resource type for the id's prefix ({@code subnet}, {@code vpc-peering-connection}, …). */
    public String type() {
        int dash = id.indexOf('-');
        String prefix = dash < 0 ? id : id.substring(0, dash);
        return switch (prefix) {
            case "vpc" -> "vpc";
            case "subnet" -> "subnet";
            case "rtb" -> "route-table";
            case "acl" -> "network-acl";
            case "sg" -> "security-group";
            case "pcx" -> "vpc-peering-connection";
            case "igw" -> "internet-gateway";
            default -> prefix;
        };
    }

    /** {@code arn:aws:ec2:<region>:<account>:<type>/<id>}, or null when the id resolved to nothing. */
    public String arn() {
        if (ownerId == null) {
            return null;
        }
        return "arn:aws:ec2:" + region + ":" + ownerId + ":" + type() + "/" + id;
    }
}
