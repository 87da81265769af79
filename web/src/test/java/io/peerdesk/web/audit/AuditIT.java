package io.peerdesk.web.audit;

import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalSession.Page;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditIT extends PortalTest {

    @Test
    void eachPartySeesBothSidesEventsOnTheSharedContractNewestFirst() {
        String gretas = signIn("greta").get("/audit").body();

        assertThat(gretas).contains("contract.proposed").contains("contract.accepted")
                .contains("(Acme Networks)").contains("(Globex Corporation)").contains("127.0.0.1");
        assertThat(gretas.indexOf("contract.accepted")).isLessThan(gretas.indexOf("contract.proposed"));
        assertThat(gretas).doesNotContain("Acme Peering Policy");
    }

    @Test
    void searchNarrowsTheLogWithHtmxAndOtherTenantsEventsStayHidden() {
        PortalSession ada = signIn("ada");

        Page accepted = ada.htmx("/audit?q=contract.accepted");
        assertThat(accepted.body()).doesNotContain("<html").contains("id=\"audit-rows\"")
                .contains("contract.accepted").doesNotContain("contact.added");
        assertThat(ada.get("/audit?q=Acme+Peering+Policy").body()).contains("contact.added");
        assertThat(signIn("iris").get("/audit?q=Acme+Peering+Policy").body()).doesNotContain("contact.added");
    }
}
