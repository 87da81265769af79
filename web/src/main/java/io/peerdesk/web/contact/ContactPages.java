package io.peerdesk.web.contact;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.contact.Contact;
import io.peerdesk.domain.contact.ContactDetails;
import io.peerdesk.domain.contact.ContactId;
import io.peerdesk.domain.contact.ContactKind;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contact.Contacts;
import io.peerdesk.domain.contact.Visibility;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.Role;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** The contacts page (ours, and what partners share with us) and the add/edit form with a contact's history. */
@Controller
@RequestMapping("/contacts")
class ContactPages {

    /** Offered while typing; any IANA id is accepted. */
    private static final List<String> TIME_ZONES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted()).toList();

    private final Contacts contacts;
    private final AuditLog audit;

    ContactPages(Contacts contacts, AuditLog audit) {
        this.contacts = contacts;
        this.audit = audit;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("contacts", contacts.list(actor));
        model.addAttribute("partners", contacts.partnerContacts(actor));
        model.addAttribute("canManage", canManage(actor));
        return "contact/list";
    }

    @GetMapping("/new")
    String addForm(Actor actor, Model model) {
        actor.require(Role.NETWORK_ADMIN, Role.TENANT_ADMIN);
        return form(actor, model, null, ContactForm.empty(), Map.of());
    }

    @PostMapping
    String add(Actor actor, @Valid @ModelAttribute("form") ContactForm form, BindingResult binding, Model model,
               RedirectAttributes redirect) {
        actor.require(Role.NETWORK_ADMIN, Role.TENANT_ADMIN);
        return save(actor, model, redirect, null, form, binding, details -> contacts.add(actor, details));
    }

    @GetMapping("/{id}/edit")
    String editForm(Actor actor, @PathVariable String id, Model model) {
        actor.require(Role.NETWORK_ADMIN, Role.TENANT_ADMIN);
        Contact contact = contacts.get(actor, ContactId.parse(id));
        return form(actor, model, contact, ContactForm.of(contact), Map.of());
    }

    @PostMapping("/{id}")
    String change(Actor actor, @PathVariable String id, @Valid @ModelAttribute("form") ContactForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        actor.require(Role.NETWORK_ADMIN, Role.TENANT_ADMIN);
        Contact contact = contacts.get(actor, ContactId.parse(id));
        return save(actor, model, redirect, contact, form, binding, details -> contacts.change(actor, contact.id(), details));
    }

    /** Deletes, then shows the list again: for HTMX our contacts' table with a toast, otherwise the page after a redirect. */
    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable String id, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        Contact contact = contacts.get(actor, ContactId.parse(id));
        contacts.remove(actor, contact.id());
        String message = contact.name() + " was removed.";
        if (!Toasts.isHtmx(request)) {
            Toasts.success(redirect, message);
            return "redirect:/contacts";
        }
        model.addAttribute("contacts", contacts.list(actor));
        model.addAttribute("canManage", canManage(actor));
        model.addAttribute("htmxToast", new Toasts.Toast("success", message));
        return "contact/list :: own";
    }

    private String save(Actor actor, Model model, RedirectAttributes redirect, Contact existing, ContactForm form,
                        BindingResult binding, Function<ContactDetails, Contact> action) {
        Map<String, String> errors = FormErrors.of(binding);
        if (!errors.isEmpty()) {
            return form(actor, model, existing, form, errors);
        }
        try {
            Contact saved = action.apply(form.toDetails());
            Toasts.success(redirect, saved.name() + (existing == null ? " was added." : " was saved."));
            return "redirect:/contacts";
        } catch (InvalidInput e) {
            return form(actor, model, existing, form, e.fieldErrors());
        }
    }

    private String form(Actor actor, Model model, Contact existing, ContactForm form, Map<String, String> errors) {
        model.addAttribute("contact", existing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("events", existing == null ? List.of() : audit.forObject(actor.tenant(), "contact", existing.id()));
        model.addAttribute("roles", ContactRole.values());
        model.addAttribute("kinds", ContactKind.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("timeZones", TIME_ZONES);
        return "contact/form";
    }

    private static boolean canManage(Actor actor) {
        return actor.has(Role.NETWORK_ADMIN) || actor.has(Role.TENANT_ADMIN);
    }
}
