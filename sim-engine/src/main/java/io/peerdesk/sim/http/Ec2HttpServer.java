package io.peerdesk.sim.http;

import io.peerdesk.sim.api.Ec2Service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EC2 Query API endpoint: a small HTTP/1.1 server (keep-alive, pipelining, chunked request
 * bodies, {@code Expect: 100-continue}) with one thread per open connection.
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
 *         <tr><td>not HTTP/1.1 (request line, header, chunk or length framing)</td>
 *             <td>400 {@code MalformedHttpRequest}, then the connection is closed</td></tr>
 *         <tr><td>request line and headers over 64 KiB, or over 200 header fields</td>
 *             <td>431 {@code RequestHeaderSectionTooLarge}, then closed</td></tr>
 *         <tr><td>a {@code Transfer-Encoding} other than {@code chunked}</td><td>501 {@code NotImplemented}, then closed</td></tr>
 *         <tr><td>HTTP version other than 1.0 and 1.1</td><td>505 {@code HttpVersionNotSupported}, then closed</td></tr>
 *         <tr><td>more open connections than the server takes</td><td>503 {@code RequestLimitExceeded}, then closed</td></tr>
 *         <tr><td>other method</td><td>405 {@code UnsupportedHttpVerb}, with {@code Allow: GET, POST}</td></tr>
 *         <tr><td>body over the limit (1 MiB by default)</td><td>400 {@code RequestEntityTooLarge}, then closed</td></tr>
 *         <tr><td>bad {@code %} escape or non-UTF-8 bytes</td><td>400 {@code MalformedQueryString}</td></tr>
 *         <tr><td>authentication refused</td><td>as the {@link AuthResult.Rejected} says</td></tr>
 *         <tr><td>no or empty {@code Action}</td><td>400 {@code MissingAction}</td></tr>
 *         <tr><td>{@code Version} other than {@code 2016-11-15} (absent is fine)</td><td>400 {@code NoSuchVersion}</td></tr>
 *         <tr><td>the service throws</td><td>500 {@code InternalError}, logged</td></tr>
 *       </table></li>
 * </ul>
 *
 * <p>Connections are served by daemon threads named {@code ec2-http-N}, at most
 * {@value #MAX_CONNECTIONS} at a time; a keep-alive connection idle for two minutes is closed.
 */
public final class Ec2HttpServer implements AutoCloseable {

    /** The default request-body limit, 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** Open connections served at once; more are answered 503 and closed. */
    static final int MAX_CONNECTIONS = 512;

    private static final System.Logger LOG = System.getLogger(Ec2HttpServer.class.getName());
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final int BACKLOG = 256;

    private final ServerSocket listener;
    private final ThreadPoolExecutor connections;
    private final QueryHandler handler;
    private final int maxBodyBytes;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread acceptor;

    private Ec2HttpServer(ServerSocket listener, QueryHandler handler, int maxBodyBytes) {
        this.listener = listener;
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
        this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "ec2-http-" + THREAD_NUMBER.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.acceptor = new Thread(this::acceptLoop, "ec2-http-acceptor-" + listener.getLocalPort());
        this.acceptor.setDaemon(true);
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
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            try {
                listener.setReuseAddress(true);
                listener.bind(bind, BACKLOG);
            } catch (IOException e) {
                listener.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the EC2 endpoint to " + bind, e);
        }
        Ec2HttpServer server = new Ec2HttpServer(listener,
                new QueryHandler(service, authenticator, maxBodyBytes), maxBodyBytes);
        server.acceptor.start();
        LOG.log(System.Logger.Level.INFO, "EC2 endpoint listening on {0} ({1})", server.address(), authenticator);
        return server;
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.log(System.Logger.Level.WARNING, "accepting a connection failed: {0}", e.toString());
                    pause(); // e.g. out of file descriptors: do not spin
                }
                continue;
            }
            open.add(socket);
            if (closed.get()) {
                closeQuietly(socket);
                continue;
            }
            HttpConnection connection = new HttpConnection(socket, handler::handle, maxBodyBytes);
            try {
                connections.execute(() -> {
                    try {
                        connection.run();
                    } finally {
                        open.remove(socket);
                    }
                });
            } catch (RejectedExecutionException e) {
                refuse(socket);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Too many connections (or shutting down): a short XML 503 on the acceptor thread, then close. */
    private void refuse(Socket socket) {
        try (socket) {
            socket.setSoTimeout(1000);
            WireReply reply = WireReply.error(503, "RequestLimitExceeded",
                    "The simulator serves at most " + MAX_CONNECTIONS + " connections at a time; retry later.");
            byte[] body = reply.xml().getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/xml;charset=UTF-8\r\n"
                    + "Content-Length: " + body.length + "\r\nx-amzn-RequestId: " + reply.requestId()
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // the client is gone
        } finally {
            open.remove(socket);
        }
    }

    /** The bound port, useful after binding port 0. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
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
        closeQuietly(listener);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        connections.shutdown();
        try {
            acceptor.join(5000);
            if (!connections.awaitTermination(5, TimeUnit.SECONDS)) {
                connections.shutdownNow();
            }
        } catch (InterruptedException e) {
            connections.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
