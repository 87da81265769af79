package io.peerdesk.domain.support;

/** What a member (or a service account) of a tenant may do. */
public enum Role {
    VIEWER("Viewer", "read-only"),
    REQUESTER("Requester", "files and follows peering requests"),
    APPROVER("Approver", "approves or rejects incoming requests"),
    SECURITY_REVIEWER("Security reviewer", "second-stage security review"),
    NETWORK_ADMIN("Network admin", "cloud accounts, inventory, contacts"),
    TENANT_ADMIN("Tenant admin", "members, roles, partner contracts, service accounts"),
    PLATFORM_ADMIN("Platform operator", "runs the portal: tenants, engine, audit");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
