package io.peerdesk.web.tenancy;

import io.peerdesk.domain.support.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.EnumSet;
import java.util.Set;

/** The new-service-account form: a name people recognise and the roles its tokens carry. */
class ServiceAccountForm {

    @NotBlank(message = "give the service account a name")
    @Size(max = 200, message = "at most 200 characters")
    private String name;
    @NotEmpty(message = "choose at least one role")
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }
}
