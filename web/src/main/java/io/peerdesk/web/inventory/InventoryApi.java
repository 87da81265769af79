package io.peerdesk.web.inventory;

import io.peerdesk.domain.cloud.NetworkAcl;
import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.SecurityGroup;
import io.peerdesk.domain.cloud.Subnet;
import io.peerdesk.domain.inventory.CloudAccount;
import io.peerdesk.domain.inventory.CloudAccountId;
import io.peerdesk.domain.inventory.CloudAccounts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.NewCloudAccount;
import io.peerdesk.domain.inventory.NewCredentials;
import io.peerdesk.domain.inventory.SyncState;
import io.peerdesk.domain.inventory.VpcDetail;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.inventory.VpcPage;
import io.peerdesk.domain.inventory.VpcQuery;
import io.peerdesk.domain.inventory.VpcSummary;
import io.peerdesk.domain.support.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Cloud accounts and VPC inventory over the REST API. Ids in URLs are the portal's UUIDs; another
 * tenant's id is a 404; credentials go in and never come out. A sync the cloud refuses answers 502
 * with the reason, and the account keeps its last good inventory.
 */
@RestController
@RequestMapping("/api/v1")
class InventoryApi {

    private final CloudAccounts accounts;
    private final Inventory inventory;

    InventoryApi(CloudAccounts accounts, Inventory inventory) {
        this.accounts = accounts;
        this.inventory = inventory;
    }

    record Sync(String status, Instant attemptedAt, Instant succeededAt, String errorCode, String error) {
        static Sync of(SyncState s) {
            return new Sync(s.status().name(), s.attemptedAt(), s.succeededAt(), s.errorCode(), s.error());
        }
    }

    record Account(UUID id, String accountId, String name, List<String> regions, String accessKeyHint,
                   String createdBy, Instant createdAt, int vpcCount, Sync sync) {
        static Account of(CloudAccount a) {
            return new Account(a.id().value(), a.accountId(), a.name(), a.regions(), a.accessKeyHint(), a.createdBy(),
                    a.createdAt(), a.vpcCount(), Sync.of(a.sync()));
        }
    }

    record Vpc(UUID id, String vpcId, String name, UUID account, String accountId, String region, String state,
               List<String> cidrBlocks, int subnetCount, Instant discoveredAt) {
        static Vpc of(VpcSummary v) {
            return new Vpc(v.id().value(), v.cloudId(), v.name(), v.accountId().value(), v.accountNumber(), v.region(),
                    v.state(), v.cidrBlocks(), v.subnetCount(), v.discoveredAt());
        }
    }

    record Page(List<Vpc> items, int page, int size, long total, int pages) {
    }

    record Cidr(String cidr, boolean ipv6, String state) {
    }

    record VpcDetails(UUID id, String vpcId, String name, UUID account, String accountId, String region, String state,
                      String ownerId, boolean isDefault, Instant discoveredAt, Sync accountSync, List<Cidr> cidrBlocks,
                      List<Subnet> subnets, List<RouteTable> routeTables, List<SecurityGroup> securityGroups,
                      List<NetworkAcl> networkAcls) {
        static VpcDetails of(VpcDetail d) {
            var v = d.vpc();
            return new VpcDetails(d.id().value(), v.vpcId(), v.name(), d.accountId().value(), d.accountNumber(),
                    v.region(), v.state(), v.ownerId(), v.isDefault(), d.discoveredAt(), Sync.of(d.accountSync()),
                    v.cidrBlocks().stream().map(b -> new Cidr(b.cidr(), b.ipv6(), b.state())).toList(),
                    v.subnets(), v.routeTables(), v.securityGroups(), v.networkAcls());
        }
    }

    @GetMapping("/cloud-accounts")
    List<Account> accounts(Actor actor) {
        return accounts.list(actor).stream().map(Account::of).toList();
    }

    @PostMapping("/cloud-accounts")
    ResponseEntity<Account> register(Actor actor, @Valid @RequestBody NewCloudAccount account) {
        CloudAccount registered = accounts.register(actor, account);
        return ResponseEntity.created(URI.create("/api/v1/cloud-accounts/" + registered.id())).body(Account.of(registered));
    }

    @GetMapping("/cloud-accounts/{id}")
    Account account(Actor actor, @PathVariable String id) {
        return Account.of(accounts.get(actor, CloudAccountId.parse(id)));
    }

    @PutMapping("/cloud-accounts/{id}/credentials")
    Account replaceCredentials(Actor actor, @PathVariable String id, @Valid @RequestBody NewCredentials credentials) {
        return Account.of(accounts.updateCredentials(actor, CloudAccountId.parse(id), credentials));
    }

    @DeleteMapping("/cloud-accounts/{id}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String id) {
        accounts.remove(actor, CloudAccountId.parse(id));
        return ResponseEntity.noContent().build();
    }

    /** 200 with the account when the sync succeeded; 502 problem details (the cloud's code, the account) when not. */
    @PostMapping("/cloud-accounts/{id}/sync")
    ResponseEntity<?> sync(Actor actor, @PathVariable String id, HttpServletRequest request) {
        CloudAccount account = inventory.sync(actor, CloudAccountId.parse(id));
        if (!account.sync().failed()) {
            return ResponseEntity.ok(Account.of(account));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, account.sync().error());
        problem.setTitle("Sync failed");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", account.sync().errorCode());
        problem.setProperty("account", Account.of(account));
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }

    @GetMapping("/vpcs")
    Page vpcs(Actor actor, @RequestParam(required = false) String search, @RequestParam(required = false) String account,
              @RequestParam(required = false) String region, @RequestParam(required = false) String state,
              @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        VpcPage result = inventory.vpcs(actor, new VpcQuery(search, VpcFilter.accountFilter(account), region, state, page, size));
        return new Page(result.items().stream().map(Vpc::of).toList(), result.page(), result.size(), result.total(),
                result.pages());
    }

    @GetMapping("/vpcs/{id}")
    VpcDetails vpc(Actor actor, @PathVariable String id) {
        return VpcDetails.of(inventory.vpc(actor, VpcId.parse(id)));
    }
}
