package io.peerdesk.web.contract;

import io.peerdesk.domain.contract.Contract;
import io.peerdesk.domain.contract.ContractProposal;
import io.peerdesk.domain.contract.ContractState;
import io.peerdesk.domain.contract.ContractTestData;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalSession.Page;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ContractIT extends PortalTest {

    @Autowired Tenancy tenancy;
    @Autowired Contracts contracts;

    @Test
    void adaProposesOnThePageGretaAcceptsAndBothSeeTheContractAndEachOthersEvents() {
        PortalSession ada = signIn("ada");
        String title = "Page proposal " + UUID.randomUUID();
        assertThat(ada.get("/contracts/new").body()).contains("Globex Corporation").contains("us-east-1");

        Page unreadable = ada.post("/contracts/new", "/contracts", form(title, Map.of("sloAvailability", "lots")));
        assertThat(unreadable.status()).isEqualTo(200);
        assertThat(unreadable.body()).contains("a number, please").contains("aria-invalid=\"true\"");

        Page refused = ada.post("/contracts/new", "/contracts", form(title, Map.of(
                "validFrom", "2031-02-01", "validUntil", "2031-01-01", "proposerPrefixes", "10.10.0.1/16",
                "partnerPrefixes", "10.20.0.0/33", "ports", "tcp 443\ntcp 70000", "maxPeerings", "51")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("The proposal was not sent")
                .contains("host bits set: the block is 10.10.0.0/16")
                .contains("invalid prefix length")
                .contains("is before the first")
                .contains("ports are 0–65535")
                .contains("between 1 and 50")
                .contains("id=\"proposerPrefixes-error\"")
                .contains(title);
        assertThat(ada.get("/contracts").body()).doesNotContain(title);

        Page proposed = ada.post("/contracts/new", "/contracts", form(title, Map.of()));
        assertThat(proposed.body()).contains("Proposal sent to Globex Corporation").contains(title).contains(">PROPOSED<");
        String id = find(proposed.body(), "/contracts/([0-9a-f-]{36})/withdraw");

        PortalSession greta = signIn("greta");
        assertThat(greta.get("/contracts").body()).contains(title).contains("Awaiting your decision");
        Page gretasView = greta.get("/contracts/" + id);
        assertThat(gretasView.body()).contains(">Accept<").doesNotContain(">Withdraw<");
        Page accepted = greta.post("/contracts/" + id, "/contracts/" + id + "/accept", Map.of());
        assertThat(accepted.body()).contains("Contract active.").contains(">ACTIVE<");

        Page adasView = ada.get("/contracts/" + id);
        assertThat(adasView.body()).contains(">ACTIVE<").contains("contract.accepted").contains("contract.proposed")
                .contains("(Globex Corporation)").contains("(Acme Networks)")
                .doesNotContain(">Accept<").contains(">Suspend<");
        Page notHers = ada.post("/contracts/" + id, "/contracts/" + id + "/accept", Map.of());
        assertThat(notHers.status()).isEqualTo(403);
        assertThat(notHers.body()).contains("only Globex Corporation can accept this proposal");
        Page twice = greta.post("/contracts/" + id, "/contracts/" + id + "/accept", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("this contract is active: only a proposed contract can be accepted");
        assertThat(greta.get("/audit").body()).contains(title).contains("ada").contains("contract.proposed");
    }

    @Test
    void aThirdTenantGetsNotFoundOnThePageAndCannotAct() {
        Contract contract = proposeAsAda("Private " + UUID.randomUUID());
        PortalSession iris = signIn("iris");

        assertThat(iris.get("/contracts/" + contract.id()).status()).isEqualTo(404);
        assertThat(iris.post("/contracts", "/contracts/" + contract.id() + "/accept", Map.of()).status()).isEqualTo(404);
        assertThat(iris.get("/contracts/not-an-id").status()).isEqualTo(404);
        assertThat(iris.get("/contracts").body()).doesNotContain(contract.title());
        assertThat(iris.get("/audit").body()).doesNotContain(contract.title());
        assertThat(contracts.get(ada(), contract.id()).state()).isEqualTo(ContractState.PROPOSED);
    }

    @Test
    void membersWithoutTheAdminRoleSeeNoActionsAndAreRefused() {
        Contract contract = proposeAsAda("Viewer check " + UUID.randomUUID());
        PortalSession gina = signIn("gina");

        assertThat(gina.get("/contracts").body()).contains(contract.title()).doesNotContain("Propose a contract");
        assertThat(gina.get("/contracts/" + contract.id()).body()).contains(contract.title()).doesNotContain(">Accept<");
        assertThat(gina.get("/contracts/new").status()).isEqualTo(403);
        assertThat(gina.post("/contracts", "/contracts/" + contract.id() + "/accept", Map.of()).status()).isEqualTo(403);
        assertThat(contracts.get(ada(), contract.id()).state()).isEqualTo(ContractState.PROPOSED);
    }

    @Test
    void suspensionNeedsAReasonAndOnlyTheSuspendingSideResumes() {
        Contract contract = contracts.accept(greta(), proposeAsAda("Suspension " + UUID.randomUUID()).id());
        PortalSession greta = signIn("greta");
        PortalSession ada = signIn("ada");
        String page = "/contracts/" + contract.id();

        Page noReason = greta.post(page, page + "/suspend", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.body()).contains("give a reason").contains("id=\"reason-suspend-error\"");
        assertThat(greta.post(page, page + "/suspend", Map.of("reason", "Firewall change on our side")).body())
                .contains(">SUSPENDED<").contains("Firewall change on our side");

        assertThat(ada.get(page).body()).contains("Suspended by").contains("Globex Corporation").doesNotContain(">Resume<");
        assertThat(ada.post(page, page + "/resume", Map.of()).status()).isEqualTo(403);
        assertThat(greta.post(page, page + "/resume", Map.of("reason", "done")).body()).contains(">ACTIVE<");
    }

    @Test
    void theListFiltersByStateWithHtmx() {
        Page proposedOnly = signIn("ada").htmx("/contracts?state=PROPOSED");

        assertThat(proposedOnly.status()).isEqualTo(200);
        assertThat(proposedOnly.body()).doesNotContain("<html").contains("id=\"contract-rows\"")
                .contains("Initech ↔ Acme legacy migration").doesNotContain("Acme ↔ Globex production peering");
        assertThat(signIn("ada").htmx("/contracts?state=ACTIVE").body()).contains("Acme ↔ Globex production peering")
                .doesNotContain("Initech ↔ Acme legacy migration");
    }

    private Contract proposeAsAda(String title) {
        ContractProposal base = ContractTestData.proposal(tenant("globex"), contracts.today());
        return contracts.propose(ada(), new ContractProposal(base.partner(), title, base.validFrom(), base.validUntil(),
                base.regions(), base.proposerPrefixes(), base.partnerPrefixes(), base.ports(), false,
                base.sloAvailability(), base.sloLatencyMs(), base.maxPeerings(), base.maintenanceNoticeDays(),
                base.maintenanceWindow(), base.sharedContactRoles()));
    }

    private Actor ada() {
        return new Actor(tenant("acme"), "ada", Set.of(Role.TENANT_ADMIN), "127.0.0.1");
    }

    private Actor greta() {
        return new Actor(tenant("globex"), "greta", Set.of(Role.TENANT_ADMIN), "127.0.0.1");
    }

    private TenantId tenant(String slug) {
        return tenancy.findBySlug(slug).orElseThrow().id();
    }

    private Map<String, String> form(String title, Map<String, String> overrides) {
        LocalDate today = contracts.today();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("partner", tenant("globex").toString());
        form.put("title", title);
        form.put("validFrom", today.toString());
        form.put("validUntil", today.plusYears(1).toString());
        form.put("regions", "us-east-1");
        form.put("proposerPrefixes", "10.10.0.0/16");
        form.put("partnerPrefixes", "10.20.0.0/16\n10.21.0.0/16");
        form.put("ports", "tcp 443\nudp 161");
        form.put("sloAvailability", "99.95");
        form.put("sloLatencyMs", "25");
        form.put("maxPeerings", "5");
        form.put("maintenanceNoticeDays", "7");
        form.put("maintenanceWindow", "Sundays 01:00–03:00 UTC");
        form.put("sharedContactRoles", "NOC");
        form.putAll(overrides);
        return form;
    }

    static String find(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as("page contains " + regex).isTrue();
        return matcher.group(1);
    }
}
