package io.peerdesk.web.inventory;

import io.peerdesk.domain.support.InvalidInput;
import org.springframework.beans.BeanUtils;
import org.springframework.validation.BindingResult;

/** Puts a domain refusal's per-field messages on the form, where the template shows them next to each field. */
final class FieldErrors {

    private FieldErrors() {
    }

    static void addTo(BindingResult form, InvalidInput refusal) {
        refusal.fieldErrors().forEach((field, message) -> {
            if (form.getTarget() != null && BeanUtils.getPropertyDescriptor(form.getTarget().getClass(), field) != null) {
                form.rejectValue(field, "invalid", message);
            } else {
                form.reject("invalid", message);
            }
        });
    }
}
