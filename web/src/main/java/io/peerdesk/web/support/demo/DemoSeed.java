package io.peerdesk.web.support.demo;

/**
 * One feature's part of the demo world, seeded into an empty database on the first start when
 * {@code portal.demo-data} is on. Seeds run in {@link #order()} after the tenants and members exist.
 */
public interface DemoSeed {

    int order();

    void seed(DemoWorld world);
}
