package io.peerdesk.web.tenancy;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.tenancy.Tenant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who the API caller is: its tenant and roles, as the token says. */
@RestController
@RequestMapping("/api/v1")
class MeApi {

    private final Tenancy tenancy;

    MeApi(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    record Me(String name, String tenant, String tenantName, List<Role> roles) {
    }

    @GetMapping("/me")
    Me me(Actor actor) {
        Tenant tenant = tenancy.tenant(actor.tenant());
        return new Me(actor.name(), tenant.slug(), tenant.name(), actor.roles().stream().sorted().toList());
    }
}
