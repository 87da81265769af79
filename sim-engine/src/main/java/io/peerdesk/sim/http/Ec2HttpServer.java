package io.peerdesk.sim.http;

import com.sun.net.httpserver.HttpServer;
import io.peerdesk.sim.api.Ec2Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EC2 Query API endpoint, on the JDK's built-in HTTP server.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@code POST} with an {@code application/x-www-form-urlencoded} body, or {@code GET} with a query
 *       string (AWS accepts both), on any path. Parameters of a POST's query string and body are merged;
 *       for a repeated name the last occurrence wins, body after query string. The body of a POST is read
 *       as a form whatever its {@code Content-Type}; the body of a GET is ignored.</li>
 *   <li>The {@link Authenticator} decides the caller before anything is dispatched. Then the service gets
 *       every parameter except {@code Action}, {@code Version} and the SigV4 query parameters
 *       ({@code X-Amz-*}).</li>
 *   <li>Every response is {@code text/xml;charset=UTF-8} with an {@code x-amzn-RequestId} header; errors use
 *       AWS's {@code <Response><Errors><Error>} envelope, never HTML or a stack trace:
 *       <table>
 *         <caption>HTTP-layer errors</caption>
 *         <tr><td>other method</td><td>405 {@code UnsupportedHttpVerb}, with {@code Allow: GET, POST}</td></tr>
 *         <tr><td>body over the limit (1 MiB by default)</td><td>400 {@code RequestEntityTooLarge}</td></tr>
 *         <tr><td>bad {@code %} escape or non-UTF-8 bytes</td><td>400 {@code MalformedQueryString}</td></tr>
 *         <tr><td>authentication refused</td><td>as the {@link AuthResult.Rejected} says</td></tr>
 *         <tr><td>no or empty {@code Action}</td><td>400 {@code MissingAction}</td></tr>
 *         <tr><td>{@code Version} other than {@code 2016-11-15} (absent is fine)</td><td>400 {@code NoSuchVersion}</td></tr>
 *         <tr><td>the service throws</td><td>500 {@code InternalError}, logged</td></tr>
 *       </table></li>
 * </ul>
 *
 * <p>Requests run on a fixed pool of daemon threads named {@code ec2-http-N}. TCP_NODELAY is turned on
 * through {@code sun.net.httpserver.nodelay} unless that property was already set; the JDK reads it once,
 * so it takes effect only if this is the first JDK HTTP server the JVM creates.
 */
public final class Ec2HttpServer implements AutoCloseable {

    /** The default request-body limit, 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private static final System.Logger LOG = System.getLogger(Ec2HttpServer.class.getName());
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final int BACKLOG = 256;

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Ec2HttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts serving with the default body limit.
     *
     * @param bind port 0 picks a free port; see {@link #port()}
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static Ec2HttpServer start(InetSocketAddress bind, Ec2Service service, Authenticator authenticator) {
        return start(bind, service, authenticator, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * Binds and starts serving, refusing request bodies larger than {@code maxBodyBytes}.
     *
     * @throws IllegalArgumentException if {@code maxBodyBytes} is negative or too large to buffer
     * @throws UncheckedIOException     if the address cannot be bound
     */
    public static Ec2HttpServer start(InetSocketAddress bind, Ec2Service service, Authenticator authenticator,
                                      int maxBodyBytes) {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(authenticator, "authenticator");
        if (maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBodyBytes out of range: " + maxBodyBytes);
        }
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            // Small request/response pairs on keep-alive connections stall on Nagle's algorithm otherwise.
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(bind, BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the EC2 endpoint to " + bind, e);
        }
        ExecutorService executor = newExecutor();
        server.createContext("/", new QueryHandler(service, authenticator, maxBodyBytes));
        server.setExecutor(executor);
        server.start();
        LOG.log(System.Logger.Level.INFO, "EC2 endpoint listening on {0} ({1})", server.getAddress(), authenticator);
        return new Ec2HttpServer(server, executor);
    }

    private static ExecutorService newExecutor() {
        // Handlers block on socket I/O, so twice the cores keeps the CPUs busy; 8 covers small machines.
        int threads = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "ec2-http-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The bound port, useful after binding port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Stops accepting connections and closes open ones at once, then waits up to five seconds for
     * running handlers. Idempotent.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
