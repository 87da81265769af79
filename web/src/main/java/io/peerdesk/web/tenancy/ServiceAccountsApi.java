package io.peerdesk.web.tenancy;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.IssuedCredentials;
import io.peerdesk.domain.tenancy.ServiceAccount;
import io.peerdesk.domain.tenancy.ServiceAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The tenant's API clients for tenant-admin API clients: list, create (the secret is in this one response), revoke. */
@RestController
@RequestMapping("/api/v1/service-accounts")
class ServiceAccountsApi {

    private final ServiceAccounts serviceAccounts;

    ServiceAccountsApi(ServiceAccounts serviceAccounts) {
        this.serviceAccounts = serviceAccounts;
    }

    record ServiceAccountView(UUID id, String clientId, String name, List<Role> roles, Instant createdAt,
                              String createdBy, Instant revokedAt, boolean active) {

        static ServiceAccountView of(ServiceAccount account) {
            return new ServiceAccountView(account.id(), account.clientId(), account.name(),
                    account.roles().stream().sorted().toList(), account.createdAt(), account.createdBy(),
                    account.revokedAt(), account.active());
        }
    }

    record NewServiceAccountRequest(String name, Set<Role> roles) {
    }

    /** The new account and its secret: the only time the secret is ever returned. */
    record IssuedView(ServiceAccountView account, String clientId, String clientSecret) {
    }

    @GetMapping
    List<ServiceAccountView> list(Actor actor) {
        return serviceAccounts.list(actor).stream().map(ServiceAccountView::of).toList();
    }

    @PostMapping
    ResponseEntity<IssuedView> create(Actor actor, @RequestBody NewServiceAccountRequest request) {
        IssuedCredentials issued = serviceAccounts.create(actor, request.name(),
                request.roles() == null ? EnumSet.noneOf(Role.class) : request.roles());
        ServiceAccount account = issued.account();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedView(ServiceAccountView.of(account), account.clientId(), issued.clientSecret()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable UUID id) {
        serviceAccounts.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }
}
