package io.peerdesk.domain.contact;

/** What a contact is for (PeeringDB's roles); a contract names the roles both sides share. */
public enum ContactRole {
    NOC("NOC"),
    TECHNICAL("Technical"),
    SECURITY("Security"),
    POLICY("Policy"),
    MAINTENANCE("Maintenance"),
    ABUSE("Abuse"),
    MANAGEMENT("Management");

    private final String label;

    ContactRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
