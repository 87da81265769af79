package io.peerdesk.web.support;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form's binding and Bean Validation errors as field → message, the shape page templates show
 * next to each field (the same shape as a domain InvalidInput's field errors). A value that does
 * not convert (a word in a number field) gets a plain message instead of Spring's type error text.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> of(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(error.getField().replaceAll("\\[\\d+]$", ""),
                    error.isBindingFailure() ? unreadable(binding, error.getField()) : error.getDefaultMessage());
        }
        return errors;
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
