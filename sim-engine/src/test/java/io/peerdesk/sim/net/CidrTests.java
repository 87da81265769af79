package io.peerdesk.sim.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTests {

    private static Cidr c(String text) {
        return Cidr.parse(text);
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.5.3.7/16, 10.5.0.0/16",
            "100.68.0.18/18, 100.68.0.0/18",
            "10.0.0.0/16, 10.0.0.0/16",
            "192.168.1.255/32, 192.168.1.255/32",
            "255.255.255.255/0, 0.0.0.0/0",
            "10.1.2.3/8, 10.0.0.0/8",
            "2001:db8::1/32, 2001:db8::/32",
            "2001:0DB8:0000:0000:0000:0000:0000:0001/128, 2001:db8::1/128",
            "2600:1f00:ab:cd::/56, 2600:1f00:ab::/56",
            "ffff::/0, ::/0",
            "2001:db8:1:2:3:4:5:6/64, 2001:db8:1:2::/64",
    })
    void parseClearsHostBitsAndFormatsCanonically(String input, String canonical) {
        Cidr cidr = c(input);
        assertThat(cidr.toString()).isEqualTo(canonical);
        assertThat(cidr).isEqualTo(c(canonical));
    }

    @Test
    void constructorAlsoCanonicalises() {
        assertThat(new Cidr(ip("10.5.3.7"), 16)).isEqualTo(c("10.5.0.0/16"));
        assertThat(new Cidr(ip("10.5.3.7"), 16).network()).isEqualTo(ip("10.5.0.0"));
        assertThatThrownBy(() -> new Cidr(ip("10.0.0.0"), 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cidr(ip("::"), 129)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cidr(ip("10.0.0.0"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0", "/16", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/1a",
            "10.0.0.0/+8", "10.0.0.0/16/16", "010.0.0.0/8", "10.00.0.0/16", "1.2.3.4.5/32", "1.2.3/24",
            "256.0.0.0/8", "::/129", "::1::/64", "2001:db8::/1000", "2001:db8:::/32", " 10.0.0.0/8", "10.0.0.0 /8",
            "abc", "10.0.0.0/1 6"})
    void malformedBlocksAreRejected(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containsAddressesOfItsOwnFamilyOnly() {
        Cidr block = c("10.1.0.0/16");
        assertThat(block.contains(ip("10.1.0.0"))).isTrue();
        assertThat(block.contains(ip("10.1.255.255"))).isTrue();
        assertThat(block.contains(ip("10.2.0.0"))).isFalse();
        assertThat(block.contains(ip("10.0.255.255"))).isFalse();
        assertThat(Cidr.ALL_V4.contains(ip("255.255.255.255"))).isTrue();
        assertThat(Cidr.ALL_V4.contains(ip("::1"))).isFalse();
        assertThat(Cidr.ALL_V6.contains(ip("2001:db8::1"))).isTrue();
        assertThat(Cidr.ALL_V6.contains(ip("0.0.0.0"))).isFalse();
        assertThat(c("0.0.0.1/32").contains(ip("::1"))).isFalse();
    }

    @Test
    void containsIpv6AddressesAcrossTheHalfBoundary() {
        Cidr block = c("2001:db8::/32");
        assertThat(block.contains(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(block.contains(ip("2001:db9::"))).isFalse();
        Cidr deep = c("2001:db8::8000:0:0:0/65");
        assertThat(deep.contains(ip("2001:db8::8000:0:0:1"))).isTrue();
        assertThat(deep.contains(ip("2001:db8::7fff:ffff:ffff:ffff"))).isFalse();
        assertThat(c("::1/128").contains(ip("::1"))).isTrue();
        assertThat(c("::1/128").contains(ip("::2"))).isFalse();
    }

    @Test
    void containsBlocks() {
        assertThat(c("10.0.0.0/8").contains(c("10.1.0.0/16"))).isTrue();
        assertThat(c("10.1.0.0/16").contains(c("10.1.0.0/16"))).isTrue();
        assertThat(c("10.1.0.0/16").contains(c("10.0.0.0/8"))).isFalse();
        assertThat(c("10.1.0.0/16").contains(c("10.2.0.0/24"))).isFalse();
        assertThat(Cidr.ALL_V4.contains(c("10.0.0.0/8"))).isTrue();
        assertThat(Cidr.ALL_V4.contains(c("::/0"))).isFalse();
        assertThat(Cidr.ALL_V6.contains(c("2001:db8::/32"))).isTrue();
        assertThat(c("2001:db8::/32").contains(c("2001:db8:1::/48"))).isTrue();
        assertThat(c("2001:db8:1::/48").contains(c("2001:db8::/32"))).isFalse();
    }

    @Test
    void overlapsIsSymmetricAndFamilyAware() {
        assertThat(c("10.0.0.0/8").overlaps(c("10.1.0.0/16"))).isTrue();
        assertThat(c("10.1.0.0/16").overlaps(c("10.0.0.0/8"))).isTrue();
        assertThat(c("10.1.0.0/16").overlaps(c("10.1.0.0/16"))).isTrue();
        assertThat(c("10.1.0.0/16").overlaps(c("10.2.0.0/16"))).isFalse();
        assertThat(c("10.1.0.0/17").overlaps(c("10.1.128.0/17"))).isFalse();
        assertThat(Cidr.ALL_V4.overlaps(c("192.168.0.0/24"))).isTrue();
        assertThat(c("192.168.0.0/24").overlaps(Cidr.ALL_V4)).isTrue();
        assertThat(Cidr.ALL_V4.overlaps(Cidr.ALL_V6)).isFalse();
        assertThat(Cidr.ALL_V6.overlaps(c("2001:db8::/64"))).isTrue();
        assertThat(c("2001:db8::/56").overlaps(c("2001:db8:0:ff::/64"))).isTrue();
        assertThat(c("2001:db8::/56").overlaps(c("2001:db8:0:100::/64"))).isFalse();
        assertThat(c("0.0.0.0/32").overlaps(c("::/128"))).isFalse();
    }

    @ParameterizedTest(name = "{0} last {1}")
    @CsvSource({
            "10.0.0.0/24, 10.0.0.255",
            "10.1.0.0/16, 10.1.255.255",
            "10.0.0.7/32, 10.0.0.7",
            "0.0.0.0/0, 255.255.255.255",
            "128.0.0.0/1, 255.255.255.255",
            "10.0.0.16/28, 10.0.0.31",
            "2001:db8::/64, 2001:db8::ffff:ffff:ffff:ffff",
            "2001:db8::/96, 2001:db8::ffff:ffff",
            "2001:db8::/32, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
            "::/0, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "::/65, ::7fff:ffff:ffff:ffff",
            "::1/128, ::1",
            "2600:1f00:ab::/56, 2600:1f00:ab:ff:ffff:ffff:ffff:ffff",
    })
    void lastIsTheHighestAddressOfTheBlock(String block, String last) {
        assertThat(c(block).last()).isEqualTo(ip(last));
        assertThat(c(block).first()).isEqualTo(c(block).network());
    }

    @ParameterizedTest(name = "{0} size {1}")
    @CsvSource({
            "10.0.0.0/16, 65536",
            "10.0.0.0/24, 256",
            "10.0.0.0/28, 16",
            "10.0.0.0/32, 1",
            "0.0.0.0/0, 4294967296",
            "2001:db8::/128, 1",
            "2001:db8::/120, 256",
            "2001:db8::/66, 4611686018427387904",
            "2001:db8::/65, 9223372036854775807",
            "2001:db8::/64, 9223372036854775807",
            "::/0, 9223372036854775807",
    })
    void sizeCountsAddressesSaturatingForHugeIpv6Blocks(String block, long size) {
        assertThat(c(block).size()).isEqualTo(size);
    }

    @Test
    void ofMakesAHostBlock() {
        assertThat(Cidr.of(ip("10.1.2.3"))).isEqualTo(c("10.1.2.3/32"));
        assertThat(Cidr.of(ip("2001:db8::1"))).isEqualTo(c("2001:db8::1/128"));
    }

    @Test
    void ordersByNetworkThenPrefix() {
        assertThat(c("10.0.0.0/8")).isLessThan(c("10.0.0.0/16"));
        assertThat(c("10.0.0.0/16")).isLessThan(c("10.1.0.0/16"));
        assertThat(c("10.0.0.0/8")).isLessThan(c("::/0"));
    }

    @Test
    void familyAndConstantsAreRight() {
        assertThat(Cidr.ALL_V4.toString()).isEqualTo("0.0.0.0/0");
        assertThat(Cidr.ALL_V6.toString()).isEqualTo("::/0");
        assertThat(c("10.0.0.0/8").v6()).isFalse();
        assertThat(c("::/0").v6()).isTrue();
    }
}
