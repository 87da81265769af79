package io.peerdesk.web.platform;

import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.NewTenant;
import io.peerdesk.web.tenancy.MemberForm;

import java.util.EnumSet;

/**
 * The onboarding form: the organisation and its first tenant admin. Its rules are the domain's
 * {@link NewTenant} constraints (the admin's those of a member), checked by {@code Tenancy.onboard}; the
 * admin's fields bind as {@code admin.username} … so the domain's field names fit them as they are.
 */
class TenantForm {

    private String slug;
    private String name;
    private final MemberForm admin = new MemberForm();

    /** The admin is a tenant admin, whatever roles the request names. */
    NewTenant toNewTenant() {
        admin.setRoles(EnumSet.of(Role.TENANT_ADMIN));
        return new NewTenant(strip(slug), strip(name), admin.toNewMember());
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public MemberForm getAdmin() {
        return admin;
    }
}
