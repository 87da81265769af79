package io.peerdesk.web.inventory;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.inventory.CloudAccount;
import io.peerdesk.domain.inventory.CloudAccountId;
import io.peerdesk.domain.inventory.CloudAccounts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.Regions;
import io.peerdesk.domain.inventory.VpcQuery;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.web.support.Toasts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Cloud accounts: the list with each account's sync state, the register form, an account's page
 * with its VPCs and credentials, and "Sync now", which answers an HTMX request with the updated
 * row (or status block) in place and a toast.
 */
@Controller
class AccountsController {

    private final CloudAccounts accounts;
    private final Inventory inventory;
    private final AuditLog audit;

    AccountsController(CloudAccounts accounts, Inventory inventory, AuditLog audit) {
        this.accounts = accounts;
        this.inventory = inventory;
        this.audit = audit;
    }

    @GetMapping("/accounts")
    String list(Actor actor, Model model) {
        return listPage(actor, model, new AccountForm());
    }

    @PostMapping("/accounts")
    String register(Actor actor, @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect) {
        CloudAccount account;
        try {
            account = accounts.register(actor, form.toCommand());
        } catch (InvalidInput refused) {
            FieldErrors.addTo(errors, refused);
            form.setSecretAccessKey("");
            return listPage(actor, model, form);
        }
        CloudAccount synced = inventory.sync(actor, account.id());
        Toasts.success(redirect, synced.sync().failed()
                ? "Registered " + account.accountId() + ", but its first sync failed: " + synced.sync().error()
                : "Registered " + account.accountId() + " and discovered " + synced.vpcCount() + " VPCs.");
        return "redirect:/accounts/" + account.id();
    }

    @GetMapping("/accounts/{id}")
    String account(Actor actor, @PathVariable String id, Model model) {
        return accountPage(actor, accounts.get(actor, CloudAccountId.parse(id)), model, new CredentialsForm());
    }

    /** HTMX: the account's row (list) or status block (account page) in place, plus a toast; else back to the account. */
    @PostMapping("/accounts/{id}/sync")
    String sync(Actor actor, @PathVariable String id, Model model, HttpServletRequest request,
                RedirectAttributes redirect) {
        CloudAccount account = inventory.sync(actor, CloudAccountId.parse(id));
        Toasts.Toast toast = account.sync().failed()
                ? new Toasts.Toast("error", "Sync of " + account.accountId() + " failed: " + account.sync().error())
                : new Toasts.Toast("success", "Synced " + account.accountId() + ": " + account.vpcCount() + " VPCs.");
        if (!Toasts.isHtmx(request)) {
            redirect.addFlashAttribute(Toasts.ATTRIBUTE, toast);
            return "redirect:/accounts/" + account.id();
        }
        model.addAttribute("account", account);
        model.addAttribute(Toasts.ATTRIBUTE, toast);
        return "status".equals(request.getHeader("HX-Target")) ? "inventory/account :: synced" : "inventory/accounts :: synced";
    }

    @PostMapping("/accounts/{id}/credentials")
    String replaceCredentials(Actor actor, @PathVariable String id, @ModelAttribute("form") CredentialsForm form,
                              BindingResult errors, Model model, RedirectAttributes redirect) {
        CloudAccountId accountId = CloudAccountId.parse(id);
        try {
            CloudAccount account = accounts.updateCredentials(actor, accountId, form.toCommand());
            Toasts.success(redirect, "Replaced the access key of " + account.accountId()
                    + ". The next sync uses it.");
            return "redirect:/accounts/" + accountId;
        } catch (InvalidInput refused) {
            FieldErrors.addTo(errors, refused);
            form.setSecretAccessKey("");
            return accountPage(actor, accounts.get(actor, accountId), model, form);
        }
    }

    /** Removes the account and its inventory (a plain form post: the list is what comes next). */
    @PostMapping("/accounts/{id}/delete")
    String remove(Actor actor, @PathVariable String id, RedirectAttributes redirect) {
        CloudAccountId accountId = CloudAccountId.parse(id);
        CloudAccount account = accounts.get(actor, accountId);
        accounts.remove(actor, accountId);
        Toasts.success(redirect, "Removed " + account.accountId() + " and its " + account.vpcCount() + " VPCs.");
        return "redirect:/accounts";
    }

    private String listPage(Actor actor, Model model, AccountForm form) {
        model.addAttribute("accounts", accounts.list(actor));
        model.addAttribute("form", form);
        model.addAttribute("regions", Regions.known());
        return "inventory/accounts";
    }

    private String accountPage(Actor actor, CloudAccount account, Model model, CredentialsForm form) {
        model.addAttribute("account", account);
        model.addAttribute("vpcs", inventory.vpcs(actor,
                new VpcQuery(null, account.id(), null, null, 1, VpcQuery.MAX_SIZE)));
        model.addAttribute("form", form);
        model.addAttribute("events", audit.forObject(actor.tenant(), "cloud-account", account.id()));
        return "inventory/account";
    }
}
