package io.peerdesk.web.support;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final CurrentActor currentActor;

    WebConfig(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(currentActor);
    }

    /**
     * Boot's Thymeleaf support registers a {@link ResourceUrlEncodingFilter} because the webjars
     * locator enables the resource chain. It rewrites every link a page renders ({@code @{/vpcs/…}})
     * by searching the classpath for a static file of that name, and a miss is not cached: on a page
     * of 50 links that was most of the server time. The portal's static URLs carry no content hash,
     * so nothing needs rewriting; the resource chain still resolves {@code /webjars/htmx.org/dist/htmx.min.js}
     * when it is requested. This registration, disabled, keeps Boot from registering its own.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
