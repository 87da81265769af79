package io.peerdesk.web.support;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.web.support.security.PortalIdentities;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves an {@link Actor} handler argument from the signed-in user or the API token. */
@Component
class CurrentActor implements HandlerMethodArgumentResolver {

    private final PortalIdentities identities;

    CurrentActor(PortalIdentities identities) {
        this.identities = identities;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web,
                                 WebDataBinderFactory binders) {
        HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
        String address = request == null ? null : request.getRemoteAddr();
        return identities.actorOf(SecurityContextHolder.getContext().getAuthentication(), address)
                .orElseThrow(() -> new AccessDeniedException("you belong to no tenant"));
    }
}
