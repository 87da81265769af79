package io.peerdesk.web.tenancy;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.Member;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.support.FormErrors;
import io.peerdesk.web.support.PortalProperties;
import io.peerdesk.web.support.Toasts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant admin's members page: who belongs to the tenant, with which roles, enabled or not; add
 * a member; change roles and enable/disable in place (HTMX swaps the member's row, a plain form
 * post redirects back). Everyone else gets the 403 page from the domain's refusal.
 */
@Controller
@RequestMapping("/members")
class MembersController {

    private final Tenancy tenancy;
    private final MemberSessions sessions;
    private final PortalProperties portal;

    MembersController(Tenancy tenancy, MemberSessions sessions, PortalProperties portal) {
        this.tenancy = tenancy;
        this.sessions = sessions;
        this.portal = portal;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("memberForm", new MemberForm());
        return page(actor, model);
    }

    @PostMapping
    String add(Actor actor, @ModelAttribute("memberForm") MemberForm form, BindingResult errors, Model model,
               RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Member added = tenancy.addMember(actor, form.toNewMember());
                Toasts.success(redirect, added.displayName() + " (" + added.username() + ") was added and can sign in now.");
                return "redirect:/members";
            } catch (InvalidInput refused) {
                FormErrors.reject(errors, refused);
            }
        }
        form.setPassword(null);
        return page(actor, model);
    }

    @PostMapping("/{id}/roles")
    String changeRoles(Actor actor, @PathVariable UUID id, @RequestParam(name = "roles", required = false) Set<Role> roles,
                       Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Member member = tenancy.changeRoles(actor, id, roles == null ? EnumSet.noneOf(Role.class) : roles);
        sessions.end(member.username());
        return updated(actor, member, "Roles of " + member.displayName() + " saved.", model, request, response, redirect);
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(Actor actor, @PathVariable UUID id, @RequestParam boolean enabled, Model model,
                      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Member member = tenancy.setEnabled(actor, id, enabled);
        sessions.end(member.username());
        String message = member.displayName() + (enabled ? " can sign in again." : " can no longer sign in.");
        return updated(actor, member, message, model, request, response, redirect);
    }

    private String updated(Actor actor, Member member, String message, Model model, HttpServletRequest request,
                           HttpServletResponse response, RedirectAttributes redirect) {
        if (Toasts.isHtmx(request)) {
            Toasts.trigger(response, "success", message);
            model.addAttribute("member", member);
            model.addAttribute("grantableRoles", GrantableRoles.by(actor));
            return "tenancy/members :: row";
        }
        Toasts.success(redirect, message);
        return "redirect:/members";
    }

    private String page(Actor actor, Model model) {
        model.addAttribute("members", tenancy.members(actor));
        model.addAttribute("grantableRoles", GrantableRoles.by(actor));
        model.addAttribute("externalIdentity", !portal.identity().embedded());
        return "tenancy/members";
    }
}
