package io.peerdesk.web.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serializable;
import java.util.Map;

/**
 * Short messages in the page's one {@code #toasts} region: after a redirect (flash attribute) or,
 * for an HTMX request, swapped straight into the region whatever element the request targeted.
 */
public final class Toasts {

    public static final String ATTRIBUTE = "toast";

    /** Header values are Latin-1: anything beyond ASCII goes as a JSON escape. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private Toasts() {
    }

    /** Serializable: a flash attribute lives in the (JDBC) session until the next request. */
    public record Toast(String kind, String message) implements Serializable {
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

    /**
     * Shows a toast after an HTMX request whose response swaps its own target (a table row, say):
     * an {@code HX-Trigger} event that portal.js turns into a toast in {@code #toasts}.
     */
    public static void trigger(HttpServletResponse response, String kind, String message) {
        try {
            response.setHeader("HX-Trigger", JSON.writeValueAsString(
                    Map.of("toast", Map.of("kind", kind, "message", message))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
