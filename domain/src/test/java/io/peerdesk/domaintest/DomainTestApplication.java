package io.peerdesk.domaintest;

import io.peerdesk.domain.support.SecretCipher;
import io.peerdesk.domain.support.TestClock;
import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Outside io.peerdesk.domain so the portal's component scan never finds it. The domain's beans on a database, with a clock tests can move, for repository and service tests. */
@SpringBootApplication(scanBasePackages = "io.peerdesk.domain")
public class DomainTestApplication {

    @Bean
    TestClock clock() {
        return new TestClock();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecretCipher secretCipher() {
        return new SecretCipher(new byte[32]);
    }

    @Bean
    DefaultConfigurationCustomizer portableNames() {
        return c -> c.settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
    }
}
