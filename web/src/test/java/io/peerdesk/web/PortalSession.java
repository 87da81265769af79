package io.peerdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session against the running portal (cookies, redirects followed by hand),
 * signed in through the real OIDC flow: portal → identity provider's login form → code → portal.
 * For page-level tests without a browser; the Playwright journeys are in {@code e2e}.
 */
public final class PortalSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("X-CSRF-TOKEN&quot;: &quot;([^&]+)&quot;");

    private final String baseUrl;
    private final HttpClient http;

    public record Page(int status, String body, String location) {
    }

    private PortalSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
    public Page post(String from, String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(get(from).body()));
        return follow(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(all))));
    }

    /** POST as HTMX does (HX-Request, HX-Target, the CSRF token read from the page at {@code from}); no redirects followed. */
    public Page htmxPost(String from, String path, String target) {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").header("HX-Target", target)
                .header("X-CSRF-TOKEN", csrf(get(from).body()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(Map.of())));
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
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").map(l -> response.uri().resolve(l).toString()).orElse(null));
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

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
