package io.peerdesk.web.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Short messages in the page's one {@code #toasts} region: after a redirect (flash attribute) or,
 * for an HTMX request, swapped straight into the region whatever element the request targeted.
 */
public final class Toasts {

    public static final String ATTRIBUTE = "toast";

    private Toasts() {
    }

    /** Serializable: a flash attribute lives in the (JDBC-stored) session until the redirect is followed. */
    public record Toast(String kind, String message) implements java.io.Serializable {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Flash a success message for the page the browser is redirected to. */
    public static void success(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(ATTRIBUTE, new Toast("success", message));
    }

    /** An HTMX response that shows the message as a toast instead of replacing its target. */
    public static ModelAndView htmx(HttpServletResponse response, String kind, String message) {
        response.setHeader("HX-Retarget", "#toasts");
        response.setHeader("HX-Reswap", "beforeend");
        ModelAndView view = new ModelAndView("fragments/toast :: toast");
        view.addObject(ATTRIBUTE, new Toast(kind, message));
        return view;
    }
}
