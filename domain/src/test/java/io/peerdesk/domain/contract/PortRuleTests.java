package io.peerdesk.domain.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortRuleTests {

    @Test
    void readsRulesAsWrittenInSecurityGroups() {
        assertThat(PortRule.parse("tcp 443")).isEqualTo(new PortRule(Protocol.TCP, 443, 443)).hasToString("tcp 443");
        assertThat(PortRule.parse(" UDP  1000-2000 ")).isEqualTo(new PortRule(Protocol.UDP, 1000, 2000)).hasToString("udp 1000-2000");
        assertThat(PortRule.parse("tcp 0-65535")).isEqualTo(new PortRule(Protocol.TCP, 0, 65535));
        assertThat(PortRule.parse("icmp")).isEqualTo(new PortRule(Protocol.ICMP, null, null)).hasToString("icmp");
        assertThat(PortRule.parse("all")).hasToString("all");
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> PortRule.parse("tcp 70000")).hasMessageContaining("0–65535");
        assertThatThrownBy(() -> PortRule.parse("tcp 8080-80")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> PortRule.parse("tcp")).hasMessageContaining("needs a port");
        assertThatThrownBy(() -> PortRule.parse("icmp 8")).hasMessageContaining("has no ports");
        assertThatThrownBy(() -> PortRule.parse("sctp 9")).hasMessageContaining("not a rule");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "443", "tcp -1", "tcp 1-2-3", "tcp 44a", "tcp 443 80", "tcp 123456", "udp 1-"})
    void refusesMalformedLines(String line) {
        assertThatThrownBy(() -> PortRule.parse(line)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coversPortsInsideItsRangeAndAllCoversEverything() {
        PortRule range = PortRule.parse("tcp 8000-8080");
        assertThat(range.covers(Protocol.TCP, 8000, 8080)).isTrue();
        assertThat(range.covers(Protocol.TCP, 7999, 8000)).isFalse();
        assertThat(range.covers(Protocol.UDP, 8000, 8000)).isFalse();
        assertThat(PortRule.parse("all").covers(Protocol.UDP, 53, 53)).isTrue();
        assertThat(PortRule.parse("icmp").covers(Protocol.ICMP, -1, -1)).isTrue();
    }
}
