package io.peerdesk.web.tenancy;

import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.NewMember;

import java.util.EnumSet;
import java.util.Set;

/**
 * The add-member form. Its rules are the Bean Validation constraints of the domain's
 * {@link NewMember}, checked by {@code Tenancy.addMember} at the service boundary: every broken rule
 * (and a taken user name) comes back at once and is shown next to its field. Repeating them here
 * would only let the two drift apart. The onboarding form of a new tenant uses it for the tenant's
 * first admin.
 */
public class MemberForm {

    private String username;
    private String displayName;
    private String email;
    private String password;
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    public NewMember toNewMember() {
        return new NewMember(strip(username), strip(displayName), strip(email), password, roles);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }
}
