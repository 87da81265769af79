package io.peerdesk.domain.support;

import java.util.Map;

/** Input that breaks a rule, with a message per field (form field errors, problem details {@code errors}). */
public class InvalidInput extends DomainException {

    private final transient Map<String, String> fieldErrors;

    public InvalidInput(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidInput(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
