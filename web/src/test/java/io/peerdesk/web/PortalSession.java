package io.peerdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A browser-like HTTP session against the running portal (cookies, redirects followed by hand),
 * signed in through the real OIDC flow: portal → identity provider's login form → code → portal.
 * For page-level tests without a browser; the Playwright journeys are in {@code e2e}.
 */
public final class PortalSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("X-CSRF-TOKEN&quot;: &quot;([^&]+)&quot;");

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final String baseUrl;
    private final HttpClient http;

    public record Page(int status, String body, String location, HttpHeaders headers) {

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private PortalSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A visitor who has not signed in. */
    public static PortalSession anonymous(String baseUrl) {
        return new PortalSession(baseUrl);
    }

    public static PortalSession signIn(String baseUrl, String username, String password) {
        PortalSession session = new PortalSession(baseUrl);
        Page login = session.get("/");
        if (!login.body().contains("name=\"password\"")) {
            throw new IllegalStateException("expected the sign-in page, got " + login.status());
        }
        Page landed = session.follow(session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("username", username, "password", password, "_csrf", csrf(login.body()))))));
        if (landed.status() != 200 || landed.body().contains("name=\"password\"")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + landed.status());
        }
        return session;
    }

    /** GET, following redirects like a browser. */
    public Page get(String path) {
        return follow(send(HttpRequest.newBuilder(uri(path)).GET()));
    }

    /** GET as HTMX does (HX-Request header), no redirects followed. */
    public Page htmx(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET());
    }

    /** POST a form with the session's CSRF token (read from the page at {@code from}); redirects are followed. */
    public Page post(String from, String path, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(get(from).body()));
        return follow(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(all))));
    }

    /**
     * POST as HTMX does: {@code HX-Request} and the CSRF token in the {@code X-CSRF-TOKEN} header
     * (read from the page at {@code from}, as htmx reads it from {@code <body hx-headers>}); the
     * response (a fragment, usually) is returned as is. A value may be a collection (checkboxes).
     */
    public Page htmxPost(String from, String path, Map<String, ?> fields) {
        return htmxPost(from, path, null, fields);
    }

    /** POST as HTMX does with no fields, naming the element it swaps ({@code HX-Target}); no redirects followed. */
    public Page htmxPost(String from, String path, String target) {
        return htmxPost(from, path, target, Map.of());
    }

    private Page htmxPost(String from, String path, String target, Map<String, ?> fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf(get(from).body()))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (target != null) {
            request.header("HX-Target", target);
        }
        return send(request.POST(form(fields)));
    }

    /** POST a form with no CSRF token at all, as a forged cross-site request would; no redirects followed. */
    public Page postWithoutCsrf(String path, Map<String, ?> fields) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(fields)));
    }

    private Page follow(Page page) {
        for (int i = 0; i < 10 && page.status() / 100 == 3; i++) {
            page = send(HttpRequest.newBuilder(uri(page.location())).GET());
        }
        return page;
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private Page send(HttpRequest.Builder request) {
        if (request.build().headers().firstValue("HX-Request").isEmpty()) {
            request.header("Accept", BROWSER_ACCEPT); // what a browser asks for when it loads a page
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").map(l -> response.uri().resolve(l).toString()).orElse(null),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String html) {
        Matcher input = CSRF_INPUT.matcher(html);
        if (input.find()) {
            return input.group(1);
        }
        Matcher header = CSRF_HEADER.matcher(html);
        if (header.find()) {
            return header.group(1);
        }
        throw new IllegalStateException("no CSRF token on the page");
    }

    private static HttpRequest.BodyPublisher form(Map<String, ?> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof Collection<?> values ? values.stream() : Stream.of(e.getValue()))
                        .map(value -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&")));
    }
}
