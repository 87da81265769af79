package io.peerdesk.web.platform;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.tenancy.Tenant;
import io.peerdesk.web.support.FormErrors;
import io.peerdesk.web.support.PortalProperties;
import io.peerdesk.web.support.Toasts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform operators' page: every tenant of the portal, and onboarding a partner organisation
 * with its first tenant admin. Everyone else gets the 403 page from the domain's refusal.
 */
@Controller
@RequestMapping("/platform/tenants")
class TenantsController {

    private final Tenancy tenancy;
    private final PortalProperties portal;

    TenantsController(Tenancy tenancy, PortalProperties portal) {
        this.tenancy = tenancy;
        this.portal = portal;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("tenantForm", new TenantForm());
        return page(actor, model);
    }

    @PostMapping
    String onboard(Actor actor, @ModelAttribute("tenantForm") TenantForm form, BindingResult errors, Model model,
                   RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Tenant created = tenancy.onboard(actor, form.toNewTenant());
                Toasts.success(redirect, created.name() + " is on the portal: " + form.getAdmin().getUsername()
                        + " can sign in now and add the other members.");
                return "redirect:/platform/tenants";
            } catch (InvalidInput refused) {
                FormErrors.reject(errors, refused);
            }
        }
        form.getAdmin().setPassword(null);
        return page(actor, model);
    }

    private String page(Actor actor, Model model) {
        model.addAttribute("tenants", tenancy.tenants(actor));
        model.addAttribute("externalIdentity", !portal.identity().embedded());
        return "platform/tenants";
    }
}
