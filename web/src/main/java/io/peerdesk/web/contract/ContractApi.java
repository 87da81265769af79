package io.peerdesk.web.contract;

import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contract.Contract;
import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.ContractProposal;
import io.peerdesk.domain.contract.ContractState;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.tenancy.Tenant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Partner contracts over the API: list both directions, propose (tenant admins), read one, and
 * the state changes. Another tenant's contract is 404, a change in the wrong state 409.
 */
@RestController
@RequestMapping("/api/v1/contracts")
class ContractApi {

    private final Contracts contracts;
    private final Tenancy tenancy;

    ContractApi(Contracts contracts, Tenancy tenancy) {
        this.contracts = contracts;
        this.tenancy = tenancy;
    }

    /** The terms to propose; {@code partner} is the partner tenant's slug or id. */
    record ProposalJson(String partner, String title, LocalDate validFrom, LocalDate validUntil, List<String> regions,
                        List<String> proposerPrefixes, List<String> partnerPrefixes, List<String> ports,
                        Boolean securityReviewRequired, BigDecimal sloAvailability, Integer sloLatencyMs,
                        Integer maxPeerings, Integer maintenanceNoticeDays, String maintenanceWindow,
                        Set<ContactRole> sharedContactRoles) {
    }

    record ReasonJson(String reason) {
    }

    @GetMapping
    List<ContractJson> list(Actor actor, @RequestParam(required = false) String state) {
        return contracts.list(actor, state(state)).stream().map(c -> json(c, actor)).toList();
    }

    @PostMapping
    ResponseEntity<ContractJson> propose(Actor actor, @RequestBody ProposalJson body) {
        actor.require(Role.TENANT_ADMIN); // before the partner lookup, so a missing role is 403 whatever the body says
        Contract contract = contracts.propose(actor, new ContractProposal(partner(body.partner()), body.title(),
                body.validFrom(), body.validUntil(), body.regions(), body.proposerPrefixes(), body.partnerPrefixes(),
                body.ports(), Boolean.TRUE.equals(body.securityReviewRequired()), body.sloAvailability(),
                body.sloLatencyMs(), body.maxPeerings(), body.maintenanceNoticeDays(), body.maintenanceWindow(),
                body.sharedContactRoles() == null ? Set.of() : body.sharedContactRoles()));
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.id())).body(json(contract, actor));
    }

    @GetMapping("/{id}")
    ContractJson get(Actor actor, @PathVariable String id) {
        return json(contracts.get(actor, ContractId.parse(id)), actor);
    }

    @PostMapping("/{id}/accept")
    ContractJson accept(Actor actor, @PathVariable String id) {
        return json(contracts.accept(actor, ContractId.parse(id)), actor);
    }

    @PostMapping("/{id}/decline")
    ContractJson decline(Actor actor, @PathVariable String id, @RequestBody(required = false) ReasonJson body) {
        return json(contracts.decline(actor, ContractId.parse(id), reason(body)), actor);
    }

    @PostMapping("/{id}/withdraw")
    ContractJson withdraw(Actor actor, @PathVariable String id, @RequestBody(required = false) ReasonJson body) {
        return json(contracts.withdraw(actor, ContractId.parse(id), reason(body)), actor);
    }

    @PostMapping("/{id}/suspend")
    ContractJson suspend(Actor actor, @PathVariable String id, @RequestBody(required = false) ReasonJson body) {
        return json(contracts.suspend(actor, ContractId.parse(id), reason(body)), actor);
    }

    @PostMapping("/{id}/resume")
    ContractJson resume(Actor actor, @PathVariable String id, @RequestBody(required = false) ReasonJson body) {
        return json(contracts.resume(actor, ContractId.parse(id), reason(body)), actor);
    }

    private ContractJson json(Contract contract, Actor actor) {
        return ContractJson.of(contract, actor, contracts.today(), contracts.expiryWarningDays());
    }

    /** A tenant id or slug; an unknown slug is a field error, an unknown id is reported by the proposal check. */
    private TenantId partner(String partner) {
        if (partner == null || partner.isBlank()) {
            return null;
        }
        try {
            return new TenantId(UUID.fromString(partner.strip()));
        } catch (IllegalArgumentException notAnId) {
            return tenancy.findBySlug(partner.strip()).map(Tenant::id)
                    .orElseThrow(() -> new InvalidInput("partner", "there is no partner organisation '" + partner.strip() + "'"));
        }
    }

    private static ContractState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return Arrays.stream(ContractState.values()).filter(s -> s.name().equalsIgnoreCase(state.strip())).findFirst()
                .orElseThrow(() -> new InvalidInput("state", "use one of " + Arrays.toString(ContractState.values())));
    }

    private static String reason(ReasonJson body) {
        return body == null ? null : body.reason();
    }
}
