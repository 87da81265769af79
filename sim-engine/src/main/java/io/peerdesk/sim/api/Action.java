package io.peerdesk.sim.api;

/**
 * One EC2 action. {@code mutating} actions are serialised and journaled; the others run as
 * concurrent readers. The handler writes only the children of {@code <XResponse>}; the
 * dispatcher writes the root and the request id.
 */
public record Action(String name, boolean mutating, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        void handle(Request request, XmlWriter out);
    }
}
