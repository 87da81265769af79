package io.peerdesk.sim.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTests {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "192.168.0.1", "255.255.255.255", "100.68.0.18"})
    void ipv4RoundTripsThroughParseAndFormat(String text) {
        IpAddress a = IpAddress.parse(text);
        assertThat(a.v6()).isFalse();
        assertThat(a.bits()).isEqualTo(32);
        assertThat(a.toString()).isEqualTo(text);
    }

    @Test
    void ipv4ValueLivesInTheLowBits() {
        IpAddress a = IpAddress.parse("10.1.2.3");
        assertThat(a.hi()).isZero();
        assertThat(a.lo()).isEqualTo(0x0A010203L);
        assertThat(IpAddress.v4(0x0A010203L)).isEqualTo(a);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"01.2.3.4", "1.2.3.04", "1.2.3.00", "1.2.3.4.5", "1.2.3", "256.0.0.1", "1.2.3.256",
            "1..2.3", "1.2.3.4.", ".1.2.3.4", "1.2.3.-4", "a.b.c.d", "1234.1.1.1", " 1.2.3.4", "1.2.3.4 ",
            "1.2.3.4/32", "0x1.2.3.4"})
    void malformedIpv4IsRejected(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroOctetIsNotALeadingZero() {
        assertThat(IpAddress.parse("10.0.0.0").toString()).isEqualTo("10.0.0.0");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "2001:DB8::1, 2001:db8::1",
            "0:0:0:0:0:0:0:0, ::",
            "::, ::",
            "0:0:0:0:0:0:0:1, ::1",
            "1:0:0:0:0:0:0:0, 1::",
            "fe80:0:0:0:0:0:0:0, fe80::",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
            "1::2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
            "1:0:0:2:3:0:0:4, 1::2:3:0:0:4",
            "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
            "2001:db8:00ab:0:0:0:0:0, 2001:db8:ab::",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "2600:1f00:0:0:0:0:0:0, 2600:1f00::",
    })
    void ipv6IsFormattedPerRfc5952(String input, String expected) {
        IpAddress a = IpAddress.parse(input);
        assertThat(a.v6()).isTrue();
        assertThat(a.bits()).isEqualTo(128);
        assertThat(a.toString()).isEqualTo(expected);
        assertThat(IpAddress.parse(expected)).isEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1::", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::1",
            "1:2:3:4:5:6:7::8", "::1:2:3:4:5:6:7:8", ":1::", "1:", ":1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:",
            "fe80::1%eth0", "::/0", "1:2:3:4:5:6:7:8 "})
    void malformedIpv6IsRejected(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ipv6ValueIsSplitIntoHighAndLowHalves() {
        IpAddress a = IpAddress.parse("2001:db8::1");
        assertThat(a.hi()).isEqualTo(0x20010db800000000L);
        assertThat(a.lo()).isEqualTo(1L);
    }

    @Test
    void plusWrapsWithinTheFamily() {
        assertThat(IpAddress.parse("10.0.0.255").plus(1)).isEqualTo(IpAddress.parse("10.0.1.0"));
        assertThat(IpAddress.parse("255.255.255.255").plus(1)).isEqualTo(IpAddress.parse("0.0.0.0"));
        assertThat(IpAddress.parse("0.0.0.0").plus(-1)).isEqualTo(IpAddress.parse("255.255.255.255"));
        assertThat(IpAddress.parse("10.0.0.0").plus(4).toString()).isEqualTo("10.0.0.4");
    }

    @Test
    void plusCarriesAcrossTheIpv6Halves() {
        IpAddress a = IpAddress.parse("::ffff:ffff:ffff:ffff");
        assertThat(a.plus(1).toString()).isEqualTo("0:0:0:1::");
        assertThat(a.plus(1).plus(-1)).isEqualTo(a);
        assertThat(IpAddress.parse("::").plus(-1).toString()).isEqualTo("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    }

    @Test
    void ordersIpv4BeforeIpv6AndComparesUnsigned() {
        assertThat(IpAddress.parse("255.255.255.255")).isLessThan(IpAddress.parse("::"));
        assertThat(IpAddress.parse("128.0.0.0")).isGreaterThan(IpAddress.parse("1.0.0.0"));
        assertThat(IpAddress.parse("8000::")).isGreaterThan(IpAddress.parse("7fff::"));
        assertThat(IpAddress.parse("::8000:0:0:0")).isGreaterThan(IpAddress.parse("::7fff:0:0:0"));
        assertThat(IpAddress.parse("10.0.0.1").compareTo(IpAddress.parse("10.0.0.1"))).isZero();
    }

    @Test
    void ipv4AndIpv6WithTheSameBitsAreDifferent() {
        assertThat(IpAddress.parse("0.0.0.1")).isNotEqualTo(IpAddress.parse("::1"));
    }
}
