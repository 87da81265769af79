package io.peerdesk.web.peering;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's HTTP proxy between the portal and the simulated cloud's EC2 endpoint. It forwards every
 * call, and on the test's word holds one chosen call until released (the portal waits for its answer
 * meanwhile), or goes down at a chosen call: that call's connection is dropped and the port refuses
 * connections until {@link #up()}.
 */
final class CloudProxy implements AutoCloseable {

    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    private final URI upstream;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private volatile HttpServer server;
    private volatile Hold hold;
    private volatile String downAt;

    private record Hold(String action, int nth, AtomicInteger seen, CountDownLatch held, CountDownLatch released) {
    }

    private CloudProxy(URI upstream, int port) {
        this.upstream = upstream;
        this.port = port;
    }

    static CloudProxy start(URI upstream) {
        HttpServer first = listen(0);
        CloudProxy proxy = new CloudProxy(upstream, first.getAddress().getPort());
        proxy.serve(first);
        return proxy;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The {@code nth} call of {@code action} from now on waits until {@link #release()}. */
    void holdNth(String action, int nth) {
        hold = new Hold(action, nth, new AtomicInteger(), new CountDownLatch(1), new CountDownLatch(1));
    }

    /** Whether the held call has arrived within {@code timeout}. */
    boolean awaitHeld(Duration timeout) throws InterruptedException {
        return hold.held().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends the held call on to the cloud; its answer goes to whoever still waits for it. */
    void release() {
        hold.released().countDown();
    }

    /** The next call of {@code action} finds the cloud gone, and so does every call after it until {@link #up()}. */
    void goDownAt(String action) {
        downAt = action;
    }

    /** Listens and forwards again. */
    synchronized void up() {
        downAt = null;
        if (server == null) {
            serve(listen(port));
        }
    }

    private synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static HttpServer listen(int port) {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(HttpServer listening) {
        listening.setExecutor(workers);
        listening.createContext("/", this::handle);
        listening.start();
        server = listening;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String action = action(exchange.getRequestURI().getRawQuery(), body);
        if (action.equals(downAt)) {
            workers.submit(this::down);
            exchange.close();
            return;
        }
        waitIfHeld(action);
        try {
            HttpResponse<byte[]> answer = http.send(forwarded(exchange, body), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (IOException gone) {
            // the caller is gone (the portal was killed while its call was held): the cloud has done it anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void waitIfHeld(String action) {
        Hold h = hold;
        if (h == null || !h.action().equals(action) || h.seen().incrementAndGet() != h.nth()) {
            return;
        }
        h.held().countDown();
        try {
            h.released().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest forwarded(HttpExchange exchange, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private static String action(String query, byte[] body) {
        for (String text : new String[] {query, new String(body, StandardCharsets.UTF_8)}) {
            Matcher m = text == null ? null : ACTION.matcher(text);
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return "";
    }

    @Override
    public void close() {
        if (hold != null) {
            release();
        }
        down();
        workers.shutdownNow();
    }
}
