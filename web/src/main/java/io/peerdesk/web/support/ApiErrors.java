package io.peerdesk.web.support;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.DomainException;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The REST API's errors as RFC 9457 problem details: 400 with per-field {@code errors}, 403 for a
 * role the caller lacks, 404 for anything not the caller's tenant's, 409 for a state conflict, and
 * 500 with a correlation id for the unexpected.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(NotPermitted.class)
    ProblemDetail notPermitted(NotPermitted e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), request);
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage(), request);
        problem.setProperty("errors", e.fieldErrors());
        return problem;
    }

    @ExceptionHandler({Conflict.class, DomainException.class})
    ProblemDetail conflict(DomainException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException) {
            throw e;
        }
        String id = CorrelationIdFilter.of(request);
        log.error("Unexpected API error on {} {} [correlation id {}]", request.getMethod(), request.getRequestURI(), id, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "The portal could not complete this request; quote the correlation id to the operator.", request);
        problem.setProperty("correlationId", id);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.",
                ((ServletWebRequest) request).getRequest());
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A body that is no JSON, or a field of the wrong type: 400 naming the field and what it should be. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
        if (!(e.getCause() instanceof MismatchedInputException mismatch) || mismatch.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST,
                    "The request body is not the JSON this endpoint expects.", servlet));
        }
        String field = mismatch.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "")
                .filter(name -> !name.isEmpty()).reduce((a, b) -> a + "." + b).orElse("body");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", servlet);
        problem.setProperty("errors", Map.of(field, expected(mismatch)));
        return ResponseEntity.badRequest().body(problem);
    }

    private static String expected(MismatchedInputException mismatch) {
        Class<?> type = mismatch.getTargetType();
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "use one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date such as 2027-01-31";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "has the wrong type";
    }

    private static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
