package io.peerdesk.web.platform;

import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.NewMember;
import io.peerdesk.domain.tenancy.NewTenant;

import java.util.EnumSet;

/**
 * The onboarding form: the organisation and its first tenant admin. Its rules are the domain's
 * {@link NewTenant} and {@link NewMember} constraints, checked by {@code Tenancy.onboard}; the
 * admin's fields bind as {@code admin.username} … so the domain's field names fit them as they are.
 */
class TenantForm {

    private String slug;
    private String name;
    private final Admin admin = new Admin();

    NewTenant toNewTenant() {
        return new NewTenant(strip(slug), strip(name), new NewMember(strip(admin.username), strip(admin.displayName),
                strip(admin.email), admin.password, EnumSet.of(Role.TENANT_ADMIN)));
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

    public Admin getAdmin() {
        return admin;
    }

    /** The first tenant admin. */
    public static class Admin {

        private String username;
        private String displayName;
        private String email;
        private String password;

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
    }
}
