package io.peerdesk.web.support;

import io.peerdesk.domain.support.InvalidInput;
import org.springframework.validation.BindingResult;

/** A domain service's refusal of a form's input, shown next to the fields it names. */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Adds each of the refusal's field messages to the form's errors; a message for a field the
     * form does not have becomes a form-wide error.
     */
    public static void reject(BindingResult form, InvalidInput refusal) {
        refusal.fieldErrors().forEach((field, message) -> {
            if (form.getFieldType(field) != null) {
                form.rejectValue(field, "invalid", message);
            } else {
                form.reject("invalid", message);
            }
        });
    }
}
