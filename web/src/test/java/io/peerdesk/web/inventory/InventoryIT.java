package io.peerdesk.web.inventory;

import io.peerdesk.web.ApiClient;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Cloud accounts and VPC inventory pages against the whole portal, with the demo world synced at start. */
class InventoryIT extends PortalTest {

    @Test
    void aRequesterSeesHerOrganisationsVpcsAndNoneOfAnotherOne() {
        PortalSession.Page vpcs = signIn("alice").get("/vpcs");

        assertThat(vpcs.status()).isEqualTo(200);
        assertThat(vpcs.body()).contains("acme-prod", "acme-dev", "acme-eu", "10.10.0.0/16", "111111111111")
                .doesNotContain("globex-core", "globex-eu", "initech-main", "222222222222");
    }

    @Test
    void vpcDetailShowsRouteTablesSecurityGroupsAndNetworkAcls() {
        PortalSession alice = signIn("alice");
        PortalSession.Page prod = alice.get(vpcLink(alice.get("/vpcs?search=acme-prod").body(), "acme-prod"));

        assertThat(prod.status()).isEqualTo(200);
        assertThat(prod.body()).contains("<h1>acme-prod</h1>", "100.64.10.0/24", "acme-prod-edge-a",
                "Route tables", "acme-prod-public", "0.0.0.0/0", "igw-", "badge active",
                "Security groups", "acme-prod-db", "PostgreSQL from the app tier", "5432",
                "Network ACLs", "<td>*</td>");

        PortalSession gina = signIn("gina");
        String core = gina.get(vpcLink(gina.get("/vpcs?search=globex-core").body(), "globex-core")).body();
        assertThat(core).contains("globex-core-strict", "1024–65535", "globex-core-svc-b");
        assertThat(core.indexOf("<td>100</td>")).isLessThan(core.indexOf("<td>110</td>"));
    }

    @Test
    void typingInTheSearchBoxGetsOnlyTheMatchingRows() {
        PortalSession alice = signIn("alice");

        PortalSession.Page byAddress = alice.htmx("/vpcs?search=10.30.1.7");
        assertThat(byAddress.status()).isEqualTo(200);
        assertThat(byAddress.body()).doesNotContain("<html", "<nav").contains("id=\"vpc-results\"", "acme-dev")
                .doesNotContain("acme-prod", "acme-eu");
        assertThat(alice.htmx("/vpcs?region=eu-west-1").body()).contains("acme-eu").doesNotContain("acme-dev");
        assertThat(alice.htmx("/vpcs?search=globex").body()).contains("No VPCs match");
        assertThat(alice.htmx("/vpcs?search=10.0.0.0/33").body())
                .contains("10.0.0.0/33 is not a valid CIDR block").doesNotContain("acme-");
    }

    @Test
    void badRegistrationGetsFieldErrorsAndStoresNothing() {
        PortalSession anton = signIn("anton");

        PortalSession.Page refused = anton.post("/accounts", "/accounts", Map.of("accountId", "12345",
                "name", "x".repeat(101), "accessKeyId", "has spaces", "secretAccessKey", "not-shown-again"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("an account id is exactly 12 digits", "at most 100 characters",
                "choose at least one region", "an access key id has no spaces", "aria-invalid=\"true\"")
                .doesNotContain("not-shown-again");
        assertThat(anton.get("/accounts").body()).contains("111111111111").doesNotContain("<code>12345</code>");
        assertThat(api().get("/api/v1/cloud-accounts").body().toString()).doesNotContain("\"12345\"");
    }

    @Test
    void networkAdminSyncsNowAndTheRowUpdatesInPlace() {
        PortalSession anton = signIn("anton");
        String id = accountId(anton.get("/accounts").body());

        PortalSession.Page row = anton.htmxPost("/accounts", "/accounts/" + id + "/sync", "account-" + id);

        assertThat(row.status()).isEqualTo(200);
        assertThat(row.body().strip()).startsWith("<tr id=\"account-" + id + "\"").contains("Synced", "just now")
                .contains("hx-swap-oob=\"beforeend:#toasts\"", "Synced 111111111111: 3 VPCs.")
                .doesNotContain("<html");
    }

    @Test
    void membersWithoutTheRoleSeeAccountsButCannotChangeThem() {
        PortalSession alice = signIn("alice");
        PortalSession.Page accounts = alice.get("/accounts");
        String id = accountId(accounts.body());

        assertThat(accounts.body()).contains("Acme Networks", "111111111111")
                .doesNotContain("Register a cloud account", "Sync now");
        assertThat(alice.post("/accounts", "/accounts/" + id + "/sync", Map.of()).status()).isEqualTo(403);
        assertThat(alice.post("/accounts", "/accounts", Map.of("accountId", "999999999999")).status()).isEqualTo(403);
        assertThat(alice.get("/accounts/" + id).body()).doesNotContain("Replace the access key", "Remove account");
    }

    @Test
    void anotherOrganisationsAccountAndVpcAreNotFoundOnPagesAndApi() {
        PortalSession gina = signIn("gina");
        String globexAccount = accountId(gina.get("/accounts").body());
        String globexVpc = vpcLink(gina.get("/vpcs").body(), "globex-core");
        PortalSession alice = signIn("alice");

        assertThat(alice.get("/accounts/" + globexAccount).status()).isEqualTo(404);
        assertThat(alice.get(globexVpc).status()).isEqualTo(404);
        assertThat(alice.get("/vpcs/not-a-uuid").status()).isEqualTo(404);
        assertThat(alice.get("/vpcs?account=" + globexAccount).body()).contains("No VPCs match");
        ApiClient api = api();
        assertThat(api.get("/api/v1/cloud-accounts/" + globexAccount).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/cloud-accounts/" + globexAccount + "/sync", "{}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/cloud-accounts/" + globexAccount).status()).isEqualTo(404);
        ApiClient.Response vpc = api.get("/api/v1" + globexVpc);
        assertThat(vpc.status()).isEqualTo(404);
        assertThat(vpc.contentType()).startsWith("application/problem+json");
        assertThat(gina.get(globexVpc).status()).isEqualTo(200);
    }

    @Test
    void aFailedSyncSaysWhyAndKeepsTheLastGoodInventory() {
        PortalSession ivan = signIn("ivan");
        String id = accountId(ivan.get("/accounts").body());
        ivan.post("/accounts/" + id, "/accounts/" + id + "/credentials",
                Map.of("accessKeyId", "111111111111", "secretAccessKey", "someone-elses-key"));
        try {
            PortalSession.Page row = ivan.htmxPost("/accounts", "/accounts/" + id + "/sync", "account-" + id);
            assertThat(row.body()).contains("Sync failed", "belong to account 111111111111, not to 333333333333",
                    "Showing the last good inventory, from");

            PortalSession.Page vpcs = ivan.get("/vpcs");
            assertThat(vpcs.body()).contains("The last sync of", "initech-main", "initech-legacy");
        } finally {
            ivan.post("/accounts/" + id, "/accounts/" + id + "/credentials",
                    Map.of("accessKeyId", "333333333333", "secretAccessKey", "demo-secret"));
            ivan.post("/accounts/" + id, "/accounts/" + id + "/sync", Map.of());
        }
        assertThat(ivan.get("/vpcs").body()).doesNotContain("The last sync of");
        assertThat(ivan.get("/accounts/" + id).body())
                .as("the account's history shows the credential changes, by whom")
                .contains("cloud-account.credentials-replaced", "ivan");
    }

    @Test
    void apiListsRegistersSyncsAndRemovesAccountsWithoutEverShowingSecrets() {
        ApiClient api = api();
        String accountId = "9" + String.format("%011d", System.nanoTime() % 100_000_000_000L);

        ApiClient.Response invalid = api.post("/api/v1/cloud-accounts", Map.of("accountId", "12ab", "name", "",
                "regions", java.util.List.of(), "accessKeyId", "k", "secretAccessKey", "s"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").has("accountId")).isTrue();
        assertThat(invalid.body().get("errors").has("regions")).isTrue();

        ApiClient.Response created = api.post("/api/v1/cloud-accounts", Map.of("accountId", accountId, "name", "Sandbox",
                "regions", java.util.List.of("us-east-1"), "accessKeyId", accountId, "secretAccessKey", "api-secret-123"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.body().toString()).doesNotContain("api-secret-123").doesNotContain("secretAccessKey");
        assertThat(created.body().get("sync").get("status").asText()).isEqualTo("NEVER");

        ApiClient.Response synced = api.post("/api/v1/cloud-accounts/" + id + "/sync", "{}");
        assertThat(synced.status()).isEqualTo(200);
        assertThat(synced.body().get("sync").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/api/v1/cloud-accounts").body().toString()).contains(accountId, "111111111111")
                .doesNotContain("api-secret-123", "demo-secret");

        assertThat(api.delete("/api/v1/cloud-accounts/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/cloud-accounts/" + id).status()).isEqualTo(404);
    }

    @Test
    void apiSearchesVpcsAndShowsOneWithEverythingInside() {
        ApiClient api = api();

        ApiClient.Response found = api.get("/api/v1/vpcs?search=10.10.1.5");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("total").asInt()).isEqualTo(1);
        String id = found.body().get("items").get(0).get("id").asText();

        ApiClient.Response prod = api.get("/api/v1/vpcs/" + id);
        assertThat(prod.body().get("name").asText()).isEqualTo("acme-prod");
        assertThat(prod.body().get("routeTables").size()).isEqualTo(3);
        assertThat(prod.body().get("securityGroups").toString()).contains("acme-prod-db", "sgr-");
        assertThat(prod.body().get("networkAcls").get(0).get("entries").size()).isEqualTo(8);
        assertThat(api.get("/api/v1/vpcs?search=" + "x".repeat(101)).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/vpcs?page=zero").status()).isEqualTo(400);
    }

    @Test
    void aRouteToAPeeringThatIsNotActiveIsHighlightedAsABlackhole() {
        String account = "8" + String.format("%011d", System.nanoTime() % 100_000_000_000L);
        String name = "blackhole-" + account.substring(6);
        String pcx;
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + SIMULATOR_PORT))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "open-mode")))
                .build()) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.200.0.0/16").tagSpecifications(t -> t
                    .resourceType(ResourceType.VPC).tags(Tag.builder().key("Name").value(name).build()))).vpc().vpcId();
            String peer = ec2.createVpc(r -> r.cidrBlock("10.201.0.0/16")).vpc().vpcId();
            pcx = ec2.createVpcPeeringConnection(r -> r.vpcId(vpc).peerVpcId(peer)).vpcPeeringConnection()
                    .vpcPeeringConnectionId();
            String table = ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(vpc))).routeTables().get(0)
                    .routeTableId();
            ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("10.201.0.0/16").vpcPeeringConnectionId(pcx));
        }
        ApiClient api = api();
        String id = api.post("/api/v1/cloud-accounts", Map.of("accountId", account, "name", "Peering lab",
                "regions", java.util.List.of("us-east-1"), "accessKeyId", account, "secretAccessKey", "x"))
                .body().get("id").asText();
        try {
            assertThat(api.post("/api/v1/cloud-accounts/" + id + "/sync", "{}").status()).isEqualTo(200);
            PortalSession alice = signIn("alice");

            String page = alice.get(vpcLink(alice.get("/vpcs?search=" + name).body(), name)).body();

            assertThat(page).contains("1 blackhole");
            Matcher row = Pattern.compile("<tr class=\"blackhole\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
            assertThat(row.find()).as("a highlighted row").isTrue();
            assertThat(row.group(1)).contains("10.201.0.0/16", pcx, "badge blackhole");
        } finally {
            api.delete("/api/v1/cloud-accounts/" + id);
        }
    }

    private static ApiClient api() {
        return ApiClient.clientCredentials(BASE_URL, "acme-automation", "acme-automation-secret");
    }

    private static String accountId(String accountsPage) {
        Matcher m = Pattern.compile("id=\"account-([0-9a-f-]{36})\"").matcher(accountsPage);
        assertThat(m.find()).as("an account row").isTrue();
        return m.group(1);
    }

    private static String vpcLink(String page, String name) {
        Matcher m = Pattern.compile("href=\"(/vpcs/[0-9a-f-]{36})\">" + Pattern.quote(name) + "<").matcher(page);
        assertThat(m.find()).as("a link to " + name).isTrue();
        return m.group(1);
    }
}
