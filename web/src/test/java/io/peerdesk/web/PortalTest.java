package io.peerdesk.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The whole portal on real ports: web server, embedded identity provider, simulated cloud with the
 * demo world (in memory) and the demo data, on an in-memory H2 database. One instance is shared by
 * every test class that extends this (Spring caches the context), so tests make their own objects
 * with unique names instead of relying on a clean database.
 */
@SpringBootTest(classes = PeerDeskApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class PortalTest {

    protected static final int PORT = freePort();
    protected static final int SIMULATOR_PORT = freePort();
    protected static final String BASE_URL = "http://localhost:" + PORT;
    /** The demo members' password (see the README). */
    protected static final String DEMO_PASSWORD = "peerdesk-demo";

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("portal.base-url", () -> BASE_URL);
        registry.add("portal.data-dir", PortalTest::dataDir);
        registry.add("portal.demo-data", () -> true);
        registry.add("portal.simulator.port", () -> SIMULATOR_PORT);
        registry.add("portal.simulator.in-memory", () -> true);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:portal-" + PORT + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.thymeleaf.cache", () -> true);
    }

    /** A session of a demo member signed in through the identity provider's login page. */
    protected static PortalSession signIn(String username) {
        return PortalSession.signIn(BASE_URL, username, DEMO_PASSWORD);
    }

    private static String dataDir() {
        return TestDirectories.create("peerdesk-test").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
