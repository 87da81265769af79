package io.peerdesk.sim.api;

import java.util.List;

final class InsightsActions {

    private InsightsActions() {
    }

    static List<Action> all() {
        return List.of();
    }
}
