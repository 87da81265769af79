package io.peerdesk.web.support;

import org.springframework.context.SmartLifecycle;

/**
 * Work that runs once when the portal starts, after the embedded simulator (its phase is far lower)
 * and before the web server takes requests (its phase is near {@code Integer.MAX_VALUE}): nobody
 * can sign in to a portal whose first data is only half written.
 */
public abstract class BeforeWebServer implements SmartLifecycle {

    private volatile boolean running;

    /** The work; it runs on every start and leaves data that is already there alone. */
    protected abstract void run();

    @Override
    public final void start() {
        running = true;
        run();
    }

    @Override
    public final void stop() {
        running = false;
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return 0;
    }
}
