package io.peerdesk.web.support;

import io.peerdesk.domain.support.SecretCipher;
import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

@Configuration(proxyBeanMethods = false)
class CoreConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** H2 folds unquoted names to upper case, PostgreSQL to lower: unquoted SQL runs on both. */
    @Bean
    DefaultConfigurationCustomizer portableNames() {
        return c -> c.settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
    }

    @Bean
    SecretCipher secretCipher(PortalProperties portal) throws IOException {
        String key = portal.secretKey();
        if (key == null || key.isBlank()) {
            key = generatedKey(portal.dataDir().resolve("secret.key"));
        }
        return new SecretCipher(Base64.getDecoder().decode(key.strip()));
    }

    /** The embedded default: a key made once and kept beside the database, readable by the owner only. */
    private static String generatedKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file);
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        Files.writeString(file, encoded, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the directory's own permissions apply
        }
        return encoded;
    }
}
