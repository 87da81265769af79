package io.peerdesk.domain.contact;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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

    /** An unmodifiable copy that iterates in this enum's order (NOC first), as pages and the API list roles. */
    public static Set<ContactRole> ordered(Collection<ContactRole> roles) {
        return roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }
}
