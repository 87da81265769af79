package io.peerdesk.domain.inventory;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpRangeTests {

    @Test
    void aCidrBlockCoversItsWholeNetwork() {
        IpRange block = IpRange.of("10.10.0.0/16").orElseThrow();

        assertThat(block.start()).isEqualTo(BigInteger.valueOf(10L << 24 | 10L << 16));
        assertThat(block.end().subtract(block.start())).isEqualTo(BigInteger.valueOf(65535));
        assertThat(block.overlaps(IpRange.ofSearch("10.10.255.255").orElseThrow())).isTrue();
        assertThat(block.overlaps(IpRange.ofSearch("10.11.0.0").orElseThrow())).isFalse();
        assertThat(block.overlaps(IpRange.ofSearch("10.0.0.0/8").orElseThrow())).isTrue();
    }

    @Test
    void hostBitsAreMaskedAndIpv6IsItsOwnFamily() {
        assertThat(IpRange.of("10.10.1.7/24").orElseThrow()).isEqualTo(IpRange.of("10.10.1.0/24").orElseThrow());
        IpRange v6 = IpRange.of("2600:1f18:abcd::/56").orElseThrow();
        assertThat(v6.version()).isEqualTo(6);
        assertThat(v6.overlaps(IpRange.ofSearch("2600:1f18:abcd:ff::1").orElseThrow())).isTrue();
        assertThat(v6.overlaps(IpRange.ofSearch("2600:1f18:abce::1").orElseThrow())).isFalse();
        assertThat(v6.overlaps(IpRange.of("0.0.0.0/0").orElseThrow())).isFalse();
    }

    @Test
    void searchTermsThatAreNotAddressesAreText() {
        assertThat(IpRange.ofSearch("acme-prod")).isEmpty();
        assertThat(IpRange.ofSearch("10.10")).isEmpty();
        assertThat(IpRange.ofSearch("vpc-0abc")).isEmpty();
    }

    @Test
    void malformedAddressesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> IpRange.ofSearch("10.0.0.0/33")).hasMessageContaining("prefix length must be 0–32");
        assertThatThrownBy(() -> IpRange.ofSearch("256.1.1.1")).hasMessageContaining("not a valid IPv4 address");
        assertThatThrownBy(() -> IpRange.ofSearch("10.0.0/24")).hasMessageContaining("not a valid IPv4 address");
        assertThatThrownBy(() -> IpRange.ofSearch("2600::1::2")).hasMessageContaining("not a valid IPv6 address");
        assertThat(IpRange.of("nonsense")).isEmpty();
    }
}
