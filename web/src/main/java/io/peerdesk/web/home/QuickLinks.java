package io.peerdesk.web.home;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.peerdesk.domain.support.Role.APPROVER;
import static io.peerdesk.domain.support.Role.NETWORK_ADMIN;
import static io.peerdesk.domain.support.Role.PLATFORM_ADMIN;
import static io.peerdesk.domain.support.Role.REQUESTER;
import static io.peerdesk.domain.support.Role.SECURITY_REVIEWER;
import static io.peerdesk.domain.support.Role.TENANT_ADMIN;
import static io.peerdesk.domain.support.Role.VIEWER;

/** The first card: where this person's roles usually take them. */
@Component
class QuickLinks implements DashboardCard {

    record Link(String label, String href, String description, Set<Role> forRoles) {
    }

    private static final List<Link> LINKS = List.of(
            new Link("Request a peering", "/peerings/new", "from one of your VPCs to a partner's, under a contract",
                    EnumSet.of(REQUESTER)),
            new Link("Approval inbox", "/inbox", "requests and changes waiting for your decision, the nearest deadline first",
                    EnumSet.of(APPROVER, SECURITY_REVIEWER)),
            new Link("Peerings", "/peerings", "both directions of your organisation's peerings and what each waits for",
                    EnumSet.of(VIEWER, REQUESTER, APPROVER, SECURITY_REVIEWER, NETWORK_ADMIN)),
            new Link("VPCs", "/vpcs", "your VPCs, their CIDR blocks and subnets, as the cloud reports them",
                    EnumSet.of(VIEWER, REQUESTER, APPROVER, SECURITY_REVIEWER, NETWORK_ADMIN)),
            new Link("Cloud accounts", "/accounts", "register cloud accounts and sync their VPC inventory",
                    EnumSet.of(NETWORK_ADMIN)),
            new Link("Contracts", "/contracts", "partner contracts: propose, accept, see what they allow",
                    EnumSet.of(TENANT_ADMIN, REQUESTER, APPROVER, SECURITY_REVIEWER, VIEWER)),
            new Link("Contacts", "/contacts", "your escalation contacts and the ones partners share with you",
                    EnumSet.of(NETWORK_ADMIN, TENANT_ADMIN, APPROVER, VIEWER)),
            new Link("Members", "/members", "add people, change their roles, disable accounts",
                    EnumSet.of(TENANT_ADMIN)),
            new Link("Service accounts", "/service-accounts", "API clients with their own credentials",
                    EnumSet.of(TENANT_ADMIN)),
            new Link("Audit log", "/audit", "who did what, when, from where",
                    EnumSet.of(TENANT_ADMIN, SECURITY_REVIEWER, PLATFORM_ADMIN, VIEWER)));

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Optional<Card> cardFor(Actor actor) {
        List<Link> links = LINKS.stream().filter(link -> link.forRoles().stream().anyMatch(actor::has)).toList();
        return links.isEmpty() ? Optional.empty() : Optional.of(new Card("home/cards", "quick-links", Map.of("links", links)));
    }
}
