package io.peerdesk.web.platform;

import io.peerdesk.web.PeerDeskApplication;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalSession.Page;
import io.peerdesk.web.TestDirectories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A portal started for real use: no demo data, an empty cloud, and the operator's password given
 * on the first start. The operator signs in and onboards a partner, whose first admin signs in.
 */
@SpringBootTest(classes = PeerDeskApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class FirstStartIT {

    private static final int PORT = freePort();
    private static final String BASE_URL = "http://localhost:" + PORT;
    private static final String OPERATOR_PASSWORD = "first-start-operator-secret";

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("portal.base-url", () -> BASE_URL);
        registry.add("portal.data-dir", () -> tempDir());
        registry.add("portal.demo-data", () -> false);
        registry.add("portal.operator.username", () -> "root-operator");
        registry.add("portal.operator.password", () -> OPERATOR_PASSWORD);
        registry.add("portal.simulator.port", FirstStartIT::freePort);
        registry.add("portal.simulator.in-memory", () -> true);
        registry.add("portal.simulator.seed", () -> "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:first-start-" + PORT + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void theOperatorOnboardsAPartnerWhoseFirstAdminSignsInAndAddsTheOthers() {
        PortalSession operator = PortalSession.signIn(BASE_URL, "root-operator", OPERATOR_PASSWORD);
        Page tenants = operator.get("/platform/tenants");
        assertThat(tenants.status()).isEqualTo(200);
        assertThat(tenants.body()).contains("PeerDesk Operations").contains("<code>ops</code>").contains("Onboard an organisation");

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("slug", "Umbrella Corp");
        form.put("name", "Umbrella Corporation");
        form.put("admin.username", "uma");
        form.put("admin.displayName", "Uma Underwood");
        form.put("admin.email", "uma@umbrella.example");
        form.put("admin.password", "short");
        Page refused = operator.post("/platform/tenants", "/platform/tenants", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"slug-error\"").contains("starting with a letter")
                .contains("id=\"admin-password-error\"").contains("at least 12 characters")
                .doesNotContain("Umbrella Corporation</strong>");

        form.put("slug", "umbrella");
        form.put("admin.password", "umbrella-first-admin");
        Page onboarded = operator.post("/platform/tenants", "/platform/tenants", form);
        assertThat(onboarded.body()).contains("Umbrella Corporation is on the portal").contains("<code>umbrella</code>");

        PortalSession uma = PortalSession.signIn(BASE_URL, "uma", "umbrella-first-admin");
        assertThat(uma.get("/members").body()).contains("Uma Underwood").contains("Umbrella Corporation");
        assertThat(uma.get("/audit").body()).contains("onboarded by root-operator");
        assertThat(uma.get("/platform/tenants").status()).as("a tenant admin is no operator").isEqualTo(403);
        assertThat(operator.post("/platform/tenants", "/platform/tenants", form).body()).as("the same slug again")
                .contains("the slug umbrella is already taken").contains("the user name uma is already taken");
    }

    private static String tempDir() {
        return TestDirectories.create("peerdesk-first-start").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
