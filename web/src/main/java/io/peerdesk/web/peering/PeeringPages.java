package io.peerdesk.web.peering;

import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.ContractState;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.inventory.VpcQuery;
import io.peerdesk.domain.peering.PartnerVpc;
import io.peerdesk.domain.peering.PeeringFilter;
import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringProblem;
import io.peerdesk.domain.peering.PeeringRequest;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.peering.PeeringState;
import io.peerdesk.domain.peering.PeeringSuggestion;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.DomainException;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.Role;
import io.peerdesk.web.support.Toasts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The peering pages: my requests (both directions), the request form with live checks, and one
 * request as both parties see it, with the actions the viewer's side, role and the state allow.
 */
@Controller
@RequestMapping("/peerings")
class PeeringPages {

    private final PeeringRequests requests;
    private final PeeringCommands commands;
    private final PeeringDetails details;
    private final Inventory inventory;
    private final Contracts contracts;

    PeeringPages(PeeringRequests requests, PeeringCommands commands, PeeringDetails details, Inventory inventory,
                 Contracts contracts) {
        this.requests = requests;
        this.commands = commands;
        this.details = details;
        this.inventory = inventory;
        this.contracts = contracts;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String state, Model model, HttpServletRequest request) {
        PeeringState filter = Arrays.stream(PeeringState.values()).filter(s -> s.name().equals(state)).findFirst().orElse(null);
        model.addAttribute("rows", requests.list(actor, new PeeringFilter(null, filter, false, false)));
        model.addAttribute("states", PeeringState.values());
        model.addAttribute("state", filter);
        return Toasts.isHtmx(request) ? "peering/list :: rows" : "peering/list";
    }

    @GetMapping("/new")
    String form(Actor actor, Model model) {
        actor.require(Role.REQUESTER);
        wizard(actor, new PeeringForm(), model);
        model.addAttribute("problems", List.of());
        return "peering/new";
    }

    /** The form as it is filled in: dependent choices, suggested routes and the live checks (HTMX). */
    @PostMapping("/new")
    String check(Actor actor, @ModelAttribute("form") PeeringForm form, @RequestParam(required = false) String addRoute,
                 Model model, HttpServletRequest request) {
        actor.require(Role.REQUESTER);
        if (addRoute != null) {
            form.addRoute();
        }
        wizard(actor, form, model);
        model.addAttribute("problems", present(form.getRequesterVpc()) ? requests.validate(actor, form.toRequest()) : List.of());
        model.addAttribute("checked", true);
        return Toasts.isHtmx(request) ? "peering/new :: wizard" : "peering/new";
    }

    @PostMapping
    String submit(Actor actor, @ModelAttribute("form") PeeringForm form, Model model, RedirectAttributes redirect) {
        actor.require(Role.REQUESTER);
        try {
            PeeringCommands.Submitted submitted = commands.submit(actor, form.toRequest(), form.getIdempotencyKey());
            Toasts.success(redirect, submitted.created()
                    ? "Request filed: " + submitted.request().accepter().tenantName() + " decides next."
                    : "This request was already filed.");
            return "redirect:/peerings/" + submitted.request().id();
        } catch (InvalidInput refused) {
            wizard(actor, form, model);
            List<PeeringProblem> problems = requests.validate(actor, form.toRequest());
            model.addAttribute("problems", problems.isEmpty()
                    ? refused.fieldErrors().entrySet().stream().map(e -> new PeeringProblem(e.getKey(), e.getValue())).toList()
                    : problems);
            model.addAttribute("checked", true);
            model.addAttribute("refused", true);
            return "peering/new";
        }
    }

    @GetMapping("/{id}")
    String detail(Actor actor, @PathVariable String id, Model model) {
        return details.show(actor, PeeringRequestId.parse(id), model, Map.of());
    }

    @PostMapping("/{id}/cancel")
    String cancel(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason, Model model,
                  RedirectAttributes redirect) {
        PeeringRequestId requestId = PeeringRequestId.parse(id);
        return act(actor, requestId, model, redirect, "cancel", "Cancellation asked for.",
                () -> commands.cancel(actor, requestId, reason));
    }

    @PostMapping("/{id}/teardown")
    String tearDown(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason, Model model,
                    RedirectAttributes redirect) {
        PeeringRequestId requestId = PeeringRequestId.parse(id);
        return act(actor, requestId, model, redirect, "teardown", "Tearing the peering down.",
                () -> commands.tearDown(actor, requestId, reason));
    }

    @PostMapping("/{id}/changes")
    String change(Actor actor, @PathVariable String id, @ModelAttribute ChangeForm change, Model model,
                  RedirectAttributes redirect) {
        PeeringRequestId requestId = PeeringRequestId.parse(id);
        PeeringRequest current = requests.get(actor, requestId);
        return act(actor, requestId, model, redirect, "change", "Change proposed: the other side decides.",
                () -> commands.change(actor, requestId, change.toChange(current, requests.targets(actor, requestId))));
    }

    @PostMapping("/{id}/approve")
    String approve(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason, Model model,
                   RedirectAttributes redirect) {
        PeeringRequestId requestId = PeeringRequestId.parse(id);
        return act(actor, requestId, model, redirect, "decision", "Approved.",
                () -> commands.decide(actor, requestId, new Decision(true, blankToNull(reason))));
    }

    @PostMapping("/{id}/reject")
    String reject(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason, Model model,
                  RedirectAttributes redirect) {
        PeeringRequestId requestId = PeeringRequestId.parse(id);
        if (blankToNull(reason) == null) {
            requests.get(actor, requestId); // a stranger's id is not found, whatever the form says
            return details.show(actor, requestId, model, Map.of("decision", "Give a reason: the requester reads it."));
        }
        return act(actor, requestId, model, redirect, "decision", "Rejected.",
                () -> commands.decide(actor, requestId, new Decision(false, reason.strip())));
    }

    private String act(Actor actor, PeeringRequestId id, Model model, RedirectAttributes redirect, String form,
                       String done, Runnable action) {
        requests.get(actor, id); // not found before anything else for a stranger
        try {
            action.run();
            Toasts.success(redirect, done);
            return "redirect:/peerings/" + id;
        } catch (InvalidInput refused) {
            return details.show(actor, id, model, Map.of(form, String.join(" ", refused.fieldErrors().values())));
        } catch (DomainException refused) {
            if (refused instanceof io.peerdesk.domain.support.NotFound) {
                throw refused;
            }
            return details.show(actor, id, model, Map.of(form, refused.getMessage()));
        }
    }

    private void wizard(Actor actor, PeeringForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("ownVpcs", inventory.vpcs(actor, new VpcQuery(null, null, null, null, 1, VpcQuery.MAX_SIZE)).items());
        model.addAttribute("contracts", contracts.list(actor, ContractState.ACTIVE));
        List<PartnerVpc> partnerVpcs = present(form.getContract())
                ? requests.partnerVpcs(actor, ContractId.parse(form.getContract())) : List.of();
        if (partnerVpcs.stream().noneMatch(v -> v.id().toString().equals(form.getAccepterVpc()))) {
            form.setAccepterVpc(null); // chosen under another contract, or none yet
        }
        model.addAttribute("partnerVpcs", partnerVpcs);
        PeeringSuggestion suggestion = null;
        if (form.hasPair()) {
            suggestion = requests.suggestRoutes(actor, ContractId.parse(form.getContract()),
                    VpcId.parse(form.getRequesterVpc()), VpcId.parse(form.getAccepterVpc()));
            if (form.needsSuggestion()) {
                form.suggest(suggestion);
            }
        }
        model.addAttribute("suggestion", suggestion);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
