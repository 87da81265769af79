package io.peerdesk.web.support.security;

import io.peerdesk.web.support.PortalProperties;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains: the embedded identity provider's endpoints, the REST API (stateless, bearer
 * JWT, problem details on 401/403), and the pages (OIDC login, session, CSRF on, HTMX sends the
 * token as a header). The identity provider and the portal share one session; each keeps its own
 * saved request, or the OIDC callback would resume the provider's authorize request in a loop.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    static final String LOGIN_ENTRY = "/oauth2/authorization/portal";
    static final String SIGN_IN_FAILED = "/login?failed";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final HttpSessionRequestCache idpRequestCache = new HttpSessionRequestCache();

    SecurityConfig() {
        idpRequestCache.setSessionAttrName("IDP_SAVED_REQUEST");
    }

    /**
     * No tracing of each security filter, authentication and authorization: with the actuator's
     * observation registry present, Spring Security wraps every filter of every request in an
     * observation, which nothing here reads. The requests themselves are still timed
     * ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain identityProviderChain(HttpSecurity http, PortalProperties portal) throws Exception {
        if (!portal.identity().embedded()) {
            return http.securityMatcher("/oauth2/jwks-disabled").authorizeHttpRequests(a -> a.anyRequest().denyAll()).build();
        }
        OAuth2AuthorizationServerConfigurer idp = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(idp.getEndpointsMatcher())
                .with(idp, c -> c.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .requestCache(c -> c.requestCache(idpRequestCache))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, PortalIdentities identities, ProblemAuthHandlers problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(rs -> rs
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtRoles(identities.rolesClaim()))));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain portalChain(HttpSecurity http, PortalProperties portal, PortalIdentities identities) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/camunda/**", "/engine-rest/**").hasRole("PLATFORM_ADMIN")
                        .anyRequest().authenticated())
                // a failed sign-in lands on a page that says so: back at LOGIN_ENTRY it would go
                // straight to the provider again, which still has its session, and loop
                .oauth2Login(o -> o.loginPage(LOGIN_ENTRY).failureUrl(SIGN_IN_FAILED)
                        .userInfoEndpoint(u -> u.userAuthoritiesMapper(identities)))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                request -> "true".equals(request.getHeader("HX-Request")))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_ENTRY), request -> true))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (portal.identity().embedded()) {
            // the identity provider's own sign-in form, a branded page of this application
            http.formLogin(f -> f.loginPage("/login").permitAll().successHandler(idpLoginSuccess()));
        }
        return http.build();
    }

    private SavedRequestAwareAuthenticationSuccessHandler idpLoginSuccess() {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setRequestCache(idpRequestCache);
        return handler;
    }

    private static JwtAuthenticationConverter jwtRoles(String rolesClaim) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(rolesClaim);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

}
