package io.peerdesk.sim.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client on {@link java.net.http.HttpClient}, for 401 answers: the SDK's
 * {@code UrlConnectionHttpClient} streams request bodies, and {@code HttpURLConnection} then discards
 * the body of any 401 (against real AWS too), so the error code would be lost.
 */
final class JdkSdkHttpClient implements SdkHttpClient {

    /** Set by java.net.http itself, to the same values the SDK signed. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect");

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return execute(request);
            }

            @Override
            public void abort() {
            }
        };
    }

    private HttpExecuteResponse execute(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest sdk = request.httpRequest();
        byte[] body = new byte[0];
        if (request.contentStreamProvider().isPresent()) {
            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                body = in.readAllBytes();
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(sdk.getUri())
                .method(sdk.method().name(), HttpRequest.BodyPublishers.ofByteArray(body));
        sdk.forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        SdkHttpResponse.Builder out = SdkHttpResponse.builder().statusCode(response.statusCode());
        response.headers().map().forEach(out::putHeader);
        return HttpExecuteResponse.builder().response(out.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
                .build();
    }

    @Override
    public void close() {
    }
}
