package io.peerdesk.web.support;

import io.peerdesk.domain.support.DomainException;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What people see when a page request fails: another tenant's or a missing object is a plain 404
 * page; a refused action is a toast (HTMX) or an error page with the reason; anything unexpected
 * is an error page with a correlation id, never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler({NotFound.class, NoResourceFoundException.class})
    ModelAndView notFound(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String message = e instanceof NotFound ? e.getMessage() : "There is no such page.";
        if (Toasts.isHtmx(request)) {
            return Toasts.htmx(response, "error", message);
        }
        return page(request, HttpStatus.NOT_FOUND, "Not found", message);
    }

    @ExceptionHandler(NotPermitted.class)
    ModelAndView notPermitted(NotPermitted e, HttpServletRequest request, HttpServletResponse response) {
        if (Toasts.isHtmx(request)) {
            return Toasts.htmx(response, "error", "Not allowed: " + e.getMessage());
        }
        return page(request, HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        if (Toasts.isHtmx(request)) {
            return Toasts.htmx(response, "error", e.getMessage());
        }
        return page(request, HttpStatus.CONFLICT, "That did not work", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.web.ErrorResponse) {
            throw e; // Spring Security and Spring MVC answer these themselves (403, 405, 400 …)
        }
        String id = CorrelationIdFilter.of(request);
        log.error("Unexpected error on {} {} [correlation id {}]", request.getMethod(), request.getRequestURI(), id, e);
        if (Toasts.isHtmx(request)) {
            return Toasts.htmx(response, "error", "Something went wrong. Correlation id: " + id);
        }
        return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The portal could not complete this request. If it keeps happening, give the operator this correlation id.");
    }

    private static ModelAndView page(HttpServletRequest request, HttpStatus status, String title, String message) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("title", title);
        view.addObject("message", message);
        view.addObject("correlationId", CorrelationIdFilter.of(request));
        return view;
    }
}
