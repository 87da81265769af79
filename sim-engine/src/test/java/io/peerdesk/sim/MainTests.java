package io.peerdesk.sim;

import io.peerdesk.sim.cloud.CloudConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The standalone simulator's command line: {@link Main.Settings#parse}. */
class MainTests {

    private static Main.Settings parse(String... args) {
        return Main.Settings.parse(args);
    }

    @Test
    void withoutOptionsEverythingHasItsDocumentedDefault() {
        Main.Settings s = parse();
        assertThat(s.port).isEqualTo(4566);
        assertThat(s.bind).isEqualTo("127.0.0.1");
        assertThat(s.dataDir).isEqualTo(Path.of("sim-data"));
        assertThat(s.inMemory).isFalse();
        assertThat(s.seed).isNull();
        assertThat(s.strict).isFalse();
        assertThat(s.credentials).isNull();
        assertThat(s.defaultAccount).isEqualTo("000000000000");
        assertThat(s.fsync).isTrue();
        assertThat(s.snapshotEvery).isEqualTo(50_000);
        assertThat(s.config).isEqualTo(CloudConfig.AWS_DEFAULTS);
        assertThat(s.config.outstandingPeeringQuota()).isEqualTo(25);
        assertThat(s.config.activePeeringQuota()).isEqualTo(50);
        assertThat(s.config.provisioningDelay()).isZero();
        assertThat(s.config.interRegionDeleteDelay()).isZero();
        assertThat(s.help).isFalse();
    }

    @Test
    void everyOptionSetsItsSetting() {
        Main.Settings s = parse("--port", "8080", "--bind", "0.0.0.0", "--data-dir", "/var/lib/sim", "--in-memory",
                "--seed", "demo", "--strict", "--credentials", "creds.yaml", "--default-account", "123456789012",
                "--no-fsync", "--snapshot-every", "10", "--outstanding-quota", "5", "--active-quota", "125",
                "--provisioning-delay", "90s", "--deleting-delay", "2m");
        assertThat(s.port).isEqualTo(8080);
        assertThat(s.bind).isEqualTo("0.0.0.0");
        assertThat(s.dataDir).isEqualTo(Path.of("/var/lib/sim"));
        assertThat(s.inMemory).isTrue();
        assertThat(s.seed).isEqualTo("demo");
        assertThat(s.strict).isTrue();
        assertThat(s.credentials).isEqualTo(Path.of("creds.yaml"));
        assertThat(s.defaultAccount).isEqualTo("123456789012");
        assertThat(s.fsync).isFalse();
        assertThat(s.snapshotEvery).isEqualTo(10);
        assertThat(s.config.outstandingPeeringQuota()).isEqualTo(5);
        assertThat(s.config.activePeeringQuota()).isEqualTo(125);
        assertThat(s.config.provisioningDelay()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.config.interRegionDeleteDelay()).isEqualTo(Duration.ofMinutes(2));
        // the quotas and rules the command line does not set keep AWS's values
        assertThat(s.config.routeQuota()).isEqualTo(CloudConfig.AWS_DEFAULTS.routeQuota());
        assertThat(s.config.securityGroupRuleQuota()).isEqualTo(CloudConfig.AWS_DEFAULTS.securityGroupRuleQuota());
        assertThat(s.config.networkAclRuleQuota()).isEqualTo(CloudConfig.AWS_DEFAULTS.networkAclRuleQuota());
        assertThat(s.help).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpIsRecognisedInBothSpellings(String option) {
        assertThat(parse("--port", "1", option).help).isTrue();
        assertThat(Main.USAGE).contains("--port N", "--strict", "--credentials FILE", "--snapshot-every N",
                "--provisioning-delay DUR");
    }

    @Test
    void everyDocumentedOptionIsParsed() {
        for (String line : Main.USAGE.lines().filter(l -> l.startsWith("  --")).toList()) {
            String option = line.trim().split("\\s+")[0];
            String[] args = switch (option) {
                case "--help", "--in-memory", "--no-fsync" -> new String[] {option};
                case "--strict" -> new String[] {option, "--credentials", "c.yaml"};
                case "--provisioning-delay", "--deleting-delay" -> new String[] {option, "1s"};
                case "--port", "--snapshot-every", "--outstanding-quota", "--active-quota" -> new String[] {option, "7"};
                default -> new String[] {option, "value"};
            };
            assertThat(parse(args)).as(option).isNotNull();
        }
    }

    @Test
    void strictModeWithoutACredentialsFileIsRefused() {
        assertThatThrownBy(() -> parse("--strict")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--strict needs --credentials FILE");
        assertThatThrownBy(() -> parse("--strict", "--port", "4567")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--credentials");
        // the order of the two does not matter
        assertThat(parse("--credentials", "c.yaml", "--strict").strict).isTrue();
        // credentials alone are fine (open mode ignores them)
        assertThat(parse("--credentials", "c.yaml").strict).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "250ms, PT0.25S",
            "0s, PT0S",
            "90s, PT1M30S",
            "5m, PT5M",
            "2h, PT2H",
            "PT1H30M, PT1H30M",
            "PT0.5S, PT0.5S",
    })
    void delaysAcceptShortFormsAndIso8601(String given, String expected) {
        Main.Settings s = parse("--provisioning-delay", given, "--deleting-delay", given);
        assertThat(s.config.provisioningDelay()).isEqualTo(Duration.parse(expected));
        assertThat(s.config.interRegionDeleteDelay()).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "65535, 65535",
            "1, 1",
    })
    void portsFromZeroTo65535AreAccepted(String given, int expected) {
        assertThat(parse("--port", given).port).isEqualTo(expected);
    }

    @Test
    void aRepeatedOptionTakesItsLastValue() {
        Main.Settings s = parse("--port", "1000", "--port", "2000", "--active-quota", "10", "--active-quota", "20");
        assertThat(s.port).isEqualTo(2000);
        assertThat(s.config.activePeeringQuota()).isEqualTo(20);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badCommandLines() {
        return Stream.of(
                arguments(new String[] {"--port", "http"}, "--port must be a number from 0 to 65535: http"),
                arguments(new String[] {"--port", "65536"}, "--port must be a number from 0 to 65535: 65536"),
                arguments(new String[] {"--port", "-1"}, "--port must be a number from 0 to 65535: -1"),
                arguments(new String[] {"--port", ""}, "--port must be a number from 0 to 65535: "),
                arguments(new String[] {"--port", "99999999999"}, "--port must be a number from 0 to 65535: 99999999999"),
                arguments(new String[] {"--port"}, "--port needs a value"),
                arguments(new String[] {"--in-memory", "--bind"}, "--bind needs a value"),
                arguments(new String[] {"--data-dir"}, "--data-dir needs a value"),
                arguments(new String[] {"--seed"}, "--seed needs a value"),
                arguments(new String[] {"--credentials"}, "--credentials needs a value"),
                arguments(new String[] {"--default-account"}, "--default-account needs a value"),
                arguments(new String[] {"--snapshot-every", "0"},
                        "--snapshot-every must be a number from 1 to 2147483647: 0"),
                arguments(new String[] {"--snapshot-every", "1e3"},
                        "--snapshot-every must be a number from 1 to 2147483647: 1e3"),
                arguments(new String[] {"--outstanding-quota", "0"},
                        "--outstanding-quota must be a number from 1 to 10000: 0"),
                arguments(new String[] {"--outstanding-quota", "10001"},
                        "--outstanding-quota must be a number from 1 to 10000: 10001"),
                arguments(new String[] {"--active-quota", "126"}, "--active-quota must be a number from 1 to 125: 126"),
                arguments(new String[] {"--active-quota", "0"}, "--active-quota must be a number from 1 to 125: 0"),
                arguments(new String[] {"--provisioning-delay", "5x"},
                        "--provisioning-delay must be a duration like 5s, 2m or PT1H: 5x"),
                arguments(new String[] {"--provisioning-delay", "5 minutes"},
                        "--provisioning-delay must be a duration like 5s, 2m or PT1H: 5 minutes"),
                arguments(new String[] {"--deleting-delay", "1d"},
                        "--deleting-delay must be a duration like 5s, 2m or PT1H: 1d"),
                arguments(new String[] {"--deleting-delay"}, "--deleting-delay needs a value"),
                arguments(new String[] {"--frobnicate"}, "unknown option --frobnicate"),
                arguments(new String[] {"4566"}, "unknown option 4566"),
                arguments(new String[] {"--port=4566"}, "unknown option --port=4566"),
                arguments(new String[] {"--no-fsync", "--strict"}, "--strict needs --credentials FILE"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badCommandLines")
    void aBadCommandLineIsRefusedWithAMessageNamingTheOptionAndTheValue(String[] args, String message) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void aTakenPortIsRefusedAndTheDataDirectoryIsReleased(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Main.Settings settings = parse("--port", Integer.toString(taken.getLocalPort()), "--data-dir",
                    dir.toString(), "--seed", "demo");
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThatThrownBy(() -> Main.run(settings, new PrintStream(out, true, StandardCharsets.UTF_8)))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot bind");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("seeded 7 VPCs");
        }
        try (Simulator reopened = Simulator.open(Simulator.Options.durable(dir))) {
            assertThat(reopened.recovery().snapshotSeq() + reopened.recovery().replayed()).isPositive();
        }
    }
}
