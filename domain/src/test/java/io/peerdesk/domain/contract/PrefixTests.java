package io.peerdesk.domain.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrefixTests {

    @Test
    void readsCanonicalIpv4AndIpv6Blocks() {
        assertThat(Prefix.parse("10.20.0.0/16")).hasToString("10.20.0.0/16");
        assertThat(Prefix.parse(" 0.0.0.0/0 ")).hasToString("0.0.0.0/0");
        assertThat(Prefix.parse("192.168.1.7/32")).hasToString("192.168.1.7/32");
        assertThat(Prefix.parse("2001:DB8:0:0:0:0:0:0/32")).hasToString("2001:db8::/32");
        assertThat(Prefix.parse("2001:db8:0:1:0:0:0:0/64")).hasToString("2001:db8:0:1::/64");
        assertThat(Prefix.parse("::/0")).hasToString("::/0");
        assertThat(Prefix.parse("::1/128")).hasToString("::1/128");
        assertThat(Prefix.parse("2001:db8:0:0:1:0:0:1/128")).hasToString("2001:db8::1:0:0:1/128");
    }

    @Test
    void refusesHostBitsNamingTheBlockMeant() {
        assertThatThrownBy(() -> Prefix.parse("10.0.0.1/16"))
                .isInstanceOf(Prefix.Malformed.class)
                .hasMessageContaining("host bits").hasMessageContaining("10.0.0.0/16");
        assertThatThrownBy(() -> Prefix.parse("2001:db8::1/32")).hasMessageContaining("2001:db8::/32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0", "10.0.0.0/", "/16", "10.0.0.256/24", "10.0.0/24", "10.0.0.0/33", "010.0.0.0/8",
            "10.0.0.0/08", "a.b.c.d/8", "2001:db8::/129", "2001:db8:::/32", "1:2:3:4:5:6:7:8:9/64", "2001:db8::g/32",
            "10.0.0.0/16/2", "fe80::1%eth0/64", "12345::/16", "300.400.500.600/8",
            "10.0.0.0/16 and a very long tail that nobody should ever type"})
    void refusesMalformedText(String text) {
        assertThatThrownBy(() -> Prefix.parse(text)).isInstanceOf(Prefix.Malformed.class);
    }

    @Test
    void containsAndOverlapsWithinOneFamilyOnly() {
        Prefix vpc = Prefix.parse("10.20.0.0/16");
        assertThat(vpc.contains(Prefix.parse("10.20.5.0/24"))).isTrue();
        assertThat(vpc.contains(Prefix.parse("10.21.0.0/24"))).isFalse();
        assertThat(vpc.contains(Prefix.parse("10.0.0.0/8"))).isFalse();
        assertThat(vpc.overlaps(Prefix.parse("10.0.0.0/8"))).isTrue();
        assertThat(Prefix.parse("::/0").contains(vpc)).isFalse();
        assertThat(Prefix.parse("2001:db8::/32").contains(Prefix.parse("2001:db8:ff::/48"))).isTrue();
    }
}
