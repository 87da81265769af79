package io.peerdesk.sim.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortRangeTests {

    @Test
    void reversedRangeIsRejected() {
        assertThatThrownBy(() -> new PortRange(80, 79)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containsAndIntersectAreInclusive() {
        PortRange r = new PortRange(1024, 65535);
        assertThat(r.contains(1024)).isTrue();
        assertThat(r.contains(65535)).isTrue();
        assertThat(r.contains(1023)).isFalse();
        assertThat(r.contains(new PortRange(2000, 3000))).isTrue();
        assertThat(r.contains(PortRange.ALL)).isFalse();
        assertThat(r.intersects(new PortRange(1000, 1024))).isTrue();
        assertThat(r.intersects(new PortRange(0, 1023))).isFalse();
        assertThat(PortRange.single(22).contains(22)).isTrue();
        assertThat(PortRange.single(22).toString()).isEqualTo("22");
        assertThat(PortRange.EPHEMERAL.toString()).isEqualTo("1024-65535");
    }
}
