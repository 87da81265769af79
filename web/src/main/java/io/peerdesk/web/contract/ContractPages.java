package io.peerdesk.web.contract;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contract.AwsRegions;
import io.peerdesk.domain.contract.Contract;
import io.peerdesk.domain.contract.ContractAction;
import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.ContractState;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.support.FormErrors;
import io.peerdesk.web.support.Toasts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

/** The contract pages: both directions listed, the propose form, one contract with its actions and both parties' audit trail. */
@Controller
@RequestMapping("/contracts")
class ContractPages {

    /** The actions that take a reason, in the order the page offers them. */
    private static final List<ContractAction> REASON_ACTIONS = List.of(
            ContractAction.DECLINE, ContractAction.WITHDRAW, ContractAction.SUSPEND, ContractAction.RESUME);

    private final Contracts contracts;
    private final Tenancy tenancy;
    private final AuditLog audit;

    ContractPages(Contracts contracts, Tenancy tenancy, AuditLog audit) {
        this.contracts = contracts;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String state, Model model, HttpServletRequest request) {
        ContractState filter = Arrays.stream(ContractState.values()).filter(s -> s.name().equals(state)).findFirst().orElse(null);
        model.addAttribute("rows", contracts.list(actor, filter).stream().map(c -> view(c, actor)).toList());
        model.addAttribute("states", ContractState.values());
        model.addAttribute("state", filter);
        return Toasts.isHtmx(request) ? "contract/list :: rows" : "contract/list";
    }

    @GetMapping("/new")
    String proposeForm(Actor actor, Model model) {
        actor.require(Role.TENANT_ADMIN);
        return form(actor, model, ContractForm.defaults(contracts.today()), Map.of());
    }

    @PostMapping
    String propose(Actor actor, @Valid @ModelAttribute("form") ContractForm form, BindingResult binding, Model model,
                   RedirectAttributes redirect) {
        actor.require(Role.TENANT_ADMIN);
        Map<String, String> errors = FormErrors.of(binding);
        if (form.partnerUnreadable()) {
            errors.putIfAbsent("partner", "choose a partner organisation from the list");
        }
        if (!errors.isEmpty()) {
            return form(actor, model, form, errors);
        }
        try {
            Contract contract = contracts.propose(actor, form.toProposal());
            Toasts.success(redirect, "Proposal sent to " + contract.partner().name() + ".");
            return "redirect:/contracts/" + contract.id();
        } catch (InvalidInput e) {
            return form(actor, model, form, e.fieldErrors());
        }
    }

    @GetMapping("/{id}")
    String detail(Actor actor, @PathVariable String id, Model model) {
        return detail(actor, contracts.get(actor, ContractId.parse(id)), model, Map.of(), Map.of());
    }

    @PostMapping("/{id}/{verb}")
    String act(Actor actor, @PathVariable String id, @PathVariable String verb, @RequestParam(required = false) String reason,
               Model model, RedirectAttributes redirect) {
        ContractId contractId = ContractId.parse(id);
        ContractAction action = Arrays.stream(ContractAction.values()).filter(a -> a.verb().equals(verb)).findFirst()
                .orElseThrow(() -> new NotFound("Contract action", verb));
        try {
            Contract contract = switch (action) {
                case ACCEPT -> contracts.accept(actor, contractId);
                case DECLINE -> contracts.decline(actor, contractId, reason);
                case WITHDRAW -> contracts.withdraw(actor, contractId, reason);
                case SUSPEND -> contracts.suspend(actor, contractId, reason);
                case RESUME -> contracts.resume(actor, contractId, reason);
            };
            Toasts.success(redirect, "Contract " + contract.state().name().toLowerCase() + ".");
            return "redirect:/contracts/" + contractId;
        } catch (InvalidInput e) {
            String message = e.fieldErrors().getOrDefault("reason", e.getMessage());
            return detail(actor, contracts.get(actor, contractId), model, Map.of(action, message),
                    Map.of(action, reason == null ? "" : reason));
        }
    }

    private String detail(Actor actor, Contract contract, Model model, Map<ContractAction, String> actionErrors,
                          Map<ContractAction, String> actionReasons) {
        model.addAttribute("view", view(contract, actor));
        model.addAttribute("sharedRoles", contract.terms().sharedContactRoles().stream().sorted().map(ContactRole::label).toList());
        model.addAttribute("events", audit.forObject(actor.tenant(), "contract", contract.id()));
        model.addAttribute("reasonActions", REASON_ACTIONS);
        model.addAttribute("actionErrors", actionErrors);
        model.addAttribute("actionReasons", actionReasons);
        return "contract/detail";
    }

    private String form(Actor actor, Model model, ContractForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("partners", tenancy.otherTenants(actor.tenant()));
        model.addAttribute("regions", AwsRegions.codes());
        model.addAttribute("contactRoles", ContactRole.values());
        return "contract/new";
    }

    private ContractView view(Contract contract, Actor actor) {
        return ContractView.of(contract, actor, contracts.today(), contracts.expiryWarningDays());
    }
}
