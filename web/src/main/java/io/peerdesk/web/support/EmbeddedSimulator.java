package io.peerdesk.web.support;

import io.peerdesk.sim.Simulator;
import io.peerdesk.sim.http.Authenticator;
import io.peerdesk.sim.http.Ec2HttpServer;
import io.peerdesk.sim.seed.SeedLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * The simulated cloud in the portal's JVM: its EC2 endpoint listens on its own loopback port, so
 * the portal's EC2 adapter (and the AWS CLI) talk to it exactly as to a standalone simulator or AWS.
 * Starts before the web server and the demo data, stops after them.
 */
@Component
@ConditionalOnProperty(name = "portal.simulator.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedSimulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSimulator.class);

    private final PortalProperties portal;
    private Simulator simulator;
    private Ec2HttpServer server;

    EmbeddedSimulator(PortalProperties portal) {
        this.portal = portal;
    }

    @Override
    public synchronized void start() {
        PortalProperties.Simulator config = portal.simulator();
        try {
            simulator = config.inMemory()
                    ? Simulator.open(Simulator.Options.inMemory())
                    : Simulator.open(Simulator.Options.durable(portal.dataDir().resolve("sim")));
            Simulator.Recovery recovery = simulator.recovery();
            boolean empty = recovery.snapshotSeq() == 0 && recovery.replayed() == 0;
            if (empty && config.seed() != null && !config.seed().isBlank()) {
                int vpcs = new SeedLoader(simulator).load(SeedLoader.read(config.seed()));
                log.info("Simulated cloud seeded from '{}': {} VPCs", config.seed(), vpcs);
            }
            server = Ec2HttpServer.start(new InetSocketAddress(config.host(), config.port()), simulator, Authenticator.open());
            log.info("Simulated cloud's EC2 endpoint on http://{}:{}", config.host(), server.port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated cloud", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (simulator != null) {
            try {
                simulator.close();
            } catch (IOException e) {
                log.warn("Simulated cloud did not close cleanly; its journal is replayed on the next start", e);
            }
            simulator = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Early: before the web server accepts requests and before the demo data syncs inventory. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    Simulator simulator() {
        return simulator;
    }
}
