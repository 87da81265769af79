package io.peerdesk.web.support;

import io.peerdesk.domain.support.InvalidInput;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Form errors as page templates show them next to each field: a form's binding and Bean
 * Validation errors as field → message (the same shape as a domain {@link InvalidInput}), and a
 * domain service's refusal added to a form's errors.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Binding and validation errors as field → message; a value that does not convert gets a plain message. */
    public static Map<String, String> of(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(error.getField().replaceAll("\\[\\d+]$", ""),
                    error.isBindingFailure() ? unreadable(binding, error.getField()) : error.getDefaultMessage());
        }
        return errors;
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

    private static String unreadable(BindingResult binding, String field) {
        Class<?> type = binding.getFieldType(field);
        if (type == null) {
            return "this value cannot be read";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number, please";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date such as 2027-01-31, please";
        }
        if (type.isEnum()) {
            return "choose one of the listed options";
        }
        return "this value cannot be read";
    }
}
