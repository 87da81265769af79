package io.peerdesk.web.tenancy;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.tenancy.IssuedCredentials;
import io.peerdesk.domain.tenancy.ServiceAccount;
import io.peerdesk.domain.tenancy.ServiceAccounts;
import io.peerdesk.web.support.FormErrors;
import io.peerdesk.web.support.PortalProperties;
import io.peerdesk.web.support.Toasts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * A tenant admin's API clients: list, create (the secret is shown in the response to the create
 * request, once, and kept nowhere in clear: not in the session, not in a redirect), revoke.
 */
@Controller
@RequestMapping("/service-accounts")
class ServiceAccountsController {

    private final ServiceAccounts serviceAccounts;
    private final PortalProperties portal;

    ServiceAccountsController(ServiceAccounts serviceAccounts, PortalProperties portal) {
        this.serviceAccounts = serviceAccounts;
        this.portal = portal;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("serviceAccountForm", new ServiceAccountForm());
        return page(actor, model);
    }

    @PostMapping
    String create(Actor actor, @Valid @ModelAttribute("serviceAccountForm") ServiceAccountForm form, BindingResult errors,
                  Model model) {
        if (!errors.hasErrors()) {
            try {
                IssuedCredentials issued = serviceAccounts.create(actor, form.getName(), form.getRoles());
                model.addAttribute("issued", issued);
                model.addAttribute("serviceAccountForm", new ServiceAccountForm());
            } catch (InvalidInput refused) {
                FormErrors.reject(errors, refused);
            }
        }
        return page(actor, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(Actor actor, @PathVariable UUID id, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        ServiceAccount account = serviceAccounts.revoke(actor, id);
        String message = account.name() + " (" + account.clientId() + ") is revoked: it gets no more tokens.";
        if (Toasts.isHtmx(request)) {
            Toasts.trigger(response, "success", message);
            model.addAttribute("account", account);
            return "tenancy/service-accounts :: row";
        }
        Toasts.success(redirect, message);
        return "redirect:/service-accounts";
    }

    private String page(Actor actor, Model model) {
        model.addAttribute("accounts", serviceAccounts.list(actor));
        model.addAttribute("grantableRoles", GrantableRoles.tenantRoles());
        model.addAttribute("externalIdentity", !portal.identity().embedded());
        model.addAttribute("tokenEndpoint", portal.baseUrl() + "/oauth2/token");
        return "tenancy/service-accounts";
    }
}
