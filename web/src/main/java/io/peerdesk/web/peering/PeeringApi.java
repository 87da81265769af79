package io.peerdesk.web.peering;

import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.peering.AppliedEntry;
import io.peerdesk.domain.peering.NewPeeringRequest;
import io.peerdesk.domain.peering.PeeringChange;
import io.peerdesk.domain.peering.PeeringFilter;
import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringCheckResult;
import io.peerdesk.domain.peering.PeeringRequest;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.peering.PeeringRow;
import io.peerdesk.domain.peering.PeeringState;
import io.peerdesk.domain.peering.PlannedRoute;
import io.peerdesk.domain.peering.PlannedRule;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Peering requests over the API. Filing takes an {@code Idempotency-Key}: the first use files the
 * request (201 Created), a repeat with the same key and body answers 200 with that same request,
 * the same key with another body is 409. Another tenant's request is 404; an action in the wrong
 * state 409; bad input 400 with the problems.
 */
@RestController
@RequestMapping("/api/v1/peering-requests")
class PeeringApi {

    private final PeeringRequests requests;
    private final PeeringCommands commands;

    PeeringApi(PeeringRequests requests, PeeringCommands commands) {
        this.requests = requests;
        this.commands = commands;
    }

    /** What a requester files; {@code contract} may be left out (the active contract with the VPC's owner). */
    record NewRequestJson(String contract, String requesterVpc, String accepterVpc, List<PlannedRoute> routes,
                          List<PlannedRule> rules) {
    }

    record ReasonJson(String reason) {
    }

    record ChangeJson(List<PlannedRoute> addRoutes, List<PlannedRoute> removeRoutes, List<PlannedRule> addRules,
                      List<PlannedRule> removeRules, String reason) {
    }

    record EndJson(String organisation, String account, String vpcId, String vpcName, String region, List<String> cidrs) {
    }

    record RequestJson(String id, String yourSide, PeeringState state, String waitingOn, String contract,
                       EndJson requester, EndJson accepter, String pcxId, String createdBy, Instant createdAt,
                       Instant updatedAt, Object approval, Object review, String closingReason, String failureReason,
                       List<PlannedRoute> routes, List<PlannedRule> rules, List<AppliedEntry> applied,
                       Object pendingChange, List<PeeringCheckResult> checks) {

        static RequestJson of(PeeringRequest r) {
            return new RequestJson(r.id().toString(), r.yourSide().name(), r.state(), r.waitingOn().name(),
                    r.contract().toString(), end(r.requester()), end(r.accepter()), r.pcxId(), r.createdBy(),
                    r.createdAt(), r.updatedAt(), r.approval(), r.review(), r.closingReason(), r.failureReason(),
                    r.routes(), r.rules(), r.applied(), r.pendingChange(), r.checks());
        }

        private static EndJson end(io.peerdesk.domain.peering.PeeringEnd e) {
            return new EndJson(e.tenantName(), e.accountNumber(), e.cloudVpcId(), e.vpcName(), e.region(), e.cidrs());
        }
    }

    record RowJson(String id, String yourSide, String partner, String requesterVpc, String accepterVpc,
                   PeeringState state, String waitingOn, boolean waitingOnYou, String pcxId, Instant updatedAt,
                   Instant waitingForCloudSince) {

        static RowJson of(PeeringRow r) {
            return new RowJson(r.id().toString(), r.yourSide().name(), r.partnerName(), r.requesterVpc(),
                    r.accepterVpc(), r.state(), r.waitingOn().name(), r.waitingOnYou(), r.pcxId(), r.updatedAt(),
                    r.waitingForCloudSince());
        }
    }

    @Operation(summary = "The tenant's peering requests, both directions, newest first")
    @GetMapping
    List<RowJson> list(Actor actor, @RequestParam(required = false) String state) {
        return requests.list(actor, new PeeringFilter(null, state(state), false, false)).stream().map(RowJson::of).toList();
    }

    @Operation(summary = "File a peering request",
            description = "201 with the new request; 200 with the earlier request for a repeated Idempotency-Key and body;"
                    + " 409 for a repeated key with another body; 400 with each problem otherwise.")
    @PostMapping
    ResponseEntity<RequestJson> submit(Actor actor, @RequestBody NewRequestJson body,
                                       @Parameter(description = "a client-chosen key (at most 100 characters): the same key"
                                               + " files one request however often it is sent")
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        NewPeeringRequest draft = new NewPeeringRequest(
                body.contract() == null || body.contract().isBlank() ? null : ContractId.parse(body.contract()),
                body.requesterVpc() == null ? null : vpc(body.requesterVpc(), "requesterVpc"),
                body.accepterVpc() == null ? null : vpc(body.accepterVpc(), "accepterVpc"), body.routes(), body.rules());
        PeeringCommands.Submitted submitted = commands.submit(actor, draft, key);
        if (!submitted.created()) {
            refuseOtherBody(submitted.request(), draft);
            return ResponseEntity.ok(RequestJson.of(submitted.request()));
        }
        return ResponseEntity.created(URI.create("/api/v1/peering-requests/" + submitted.request().id()))
                .body(RequestJson.of(submitted.request()));
    }

    @GetMapping("/{id}")
    RequestJson get(Actor actor, @PathVariable String id) {
        return RequestJson.of(requests.get(actor, PeeringRequestId.parse(id)));
    }

    @Operation(summary = "Approve (an approver's or security reviewer's open decision on the request)")
    @PostMapping("/{id}/approve")
    RequestJson approve(Actor actor, @PathVariable String id, @RequestBody(required = false) ReasonJson body) {
        return RequestJson.of(commands.decide(actor, PeeringRequestId.parse(id), new Decision(true, reason(body))));
    }

    @Operation(summary = "Reject with a reason the requester reads")
    @PostMapping("/{id}/reject")
    RequestJson reject(Actor actor, @PathVariable String id, @RequestBody(required = false) ReasonJson body) {
        PeeringRequestId requestId = PeeringRequestId.parse(id);
        requests.get(actor, requestId);
        if (reason(body) == null) {
            throw new InvalidInput("reason", "Give a reason: the requester reads it.");
        }
        return RequestJson.of(commands.decide(actor, requestId, new Decision(false, reason(body))));
    }

    @Operation(summary = "Cancel a request awaiting its decision (the requester)")
    @PostMapping("/{id}/cancel")
    RequestJson cancel(Actor actor, @PathVariable String id, @RequestBody(required = false) ReasonJson body) {
        return RequestJson.of(commands.cancel(actor, PeeringRequestId.parse(id), reason(body)));
    }

    @Operation(summary = "Propose a change of an active peering's routes and rules; the other side approves it")
    @PostMapping("/{id}/changes")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
    RequestJson change(Actor actor, @PathVariable String id, @RequestBody(required = false) ChangeJson body) {
        PeeringRequestId requestId = PeeringRequestId.parse(id);
        requests.get(actor, requestId);
        ChangeJson c = body == null ? new ChangeJson(null, null, null, null, null) : body;
        return RequestJson.of(commands.change(actor, requestId,
                new PeeringChange(c.addRoutes(), c.removeRoutes(), c.addRules(), c.removeRules(), c.reason())));
    }

    @Operation(summary = "Tear an active peering down, with a reason the partner reads (in the body or ?reason=)")
    @DeleteMapping("/{id}")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
    RequestJson tearDown(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason,
                         @RequestBody(required = false) ReasonJson body) {
        return RequestJson.of(commands.tearDown(actor, PeeringRequestId.parse(id), reason != null ? reason : reason(body)));
    }

    /** A repeated key must come with the request it filed: same own VPC, same routes. */
    private static void refuseOtherBody(PeeringRequest earlier, NewPeeringRequest draft) {
        boolean sameVpc = earlier.requester().vpc() != null && earlier.requester().vpc().equals(draft.requesterVpc());
        boolean sameRoutes = new HashSet<>(earlier.routes()).equals(new HashSet<>(draft.routes().stream()
                .map(r -> new PlannedRoute(r.side(), strip(r.routeTableId()), strip(r.destinationCidr()))).toList()));
        if (!sameVpc || !sameRoutes) {
            throw new Conflict("This Idempotency-Key already filed request " + earlier.id()
                    + " with other contents: use a new key for a new request.");
        }
    }

    private static VpcId vpc(String id, String field) {
        try {
            return VpcId.parse(id);
        } catch (RuntimeException e) {
            throw new InvalidInput(field, "Give the portal's id of the VPC.");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String reason(ReasonJson body) {
        return body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
    }

    private static PeeringState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return Arrays.stream(PeeringState.values()).filter(s -> s.name().equalsIgnoreCase(state.strip())).findFirst()
                .orElseThrow(() -> new InvalidInput("state", "use one of " + Arrays.toString(PeeringState.values())));
    }
}
