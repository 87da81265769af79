package io.peerdesk.web.contract;

import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contract.Contract;
import io.peerdesk.domain.contract.ContractProposal;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.web.support.demo.DemoSeed;
import io.peerdesk.web.support.demo.DemoWorld;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * Demo contracts: Acme and Globex under an active contract for a year (proposed by ada, accepted
 * by greta), and a proposal from Initech to Acme waiting for Acme's decision.
 */
@Component
class ContractDemo implements DemoSeed {

    private final Contracts contracts;

    ContractDemo(Contracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void seed(DemoWorld world) {
        LocalDate today = contracts.today();
        Contract acmeGlobex = contracts.propose(world.as("ada"), new ContractProposal(world.tenant(DemoWorld.GLOBEX),
                "Acme ↔ Globex production peering", today, today.plusYears(1), List.of("us-east-1", "eu-west-1"),
                List.of("10.10.0.0/16"), List.of("10.20.0.0/16", "10.21.0.0/16"),
                List.of("tcp 443", "tcp 5432", "udp 161"), false, new BigDecimal("99.9"), 20, 10, 14,
                "Tuesdays 02:00–04:00 UTC", EnumSet.of(ContactRole.NOC, ContactRole.TECHNICAL, ContactRole.SECURITY,
                        ContactRole.MAINTENANCE)));
        contracts.accept(world.as("greta"), acmeGlobex.id());

        contracts.propose(world.as("iris"), new ContractProposal(world.tenant(DemoWorld.ACME),
                "Initech ↔ Acme legacy migration", today, today.plusMonths(6), List.of("us-east-1"),
                List.of("172.16.0.0/16"), List.of("10.10.0.0/16"), List.of("tcp 443", "tcp 22", "icmp"), true,
                new BigDecimal("99.5"), 40, 2, 7, "Saturdays 22:00–02:00 US Central",
                EnumSet.of(ContactRole.NOC, ContactRole.TECHNICAL)));
    }
}
