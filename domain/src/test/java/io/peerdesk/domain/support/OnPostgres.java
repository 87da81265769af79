package io.peerdesk.domain.support;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test class against the PostgreSQL server named by {@code PEERDESK_TEST_PG_URL}
 * (the README's test script starts a throwaway one). Without that variable the class is skipped,
 * except under {@code CI=true}, where a missing PostgreSQL fails the build instead of hiding it.
 * Put it on a subclass of an H2 test to run the same tests on both databases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresAvailable.class)
@TestPropertySource(properties = {
        "spring.datasource.url=${PEERDESK_TEST_PG_URL:jdbc:postgresql://127.0.0.1:55432/peerdesk}",
        "spring.datasource.username=${PEERDESK_TEST_PG_USER:peerdesk_app}",
        "spring.datasource.password=${PEERDESK_TEST_PG_PASSWORD:peerdesk}",
        "spring.flyway.schemas=portal",
        "spring.flyway.default-schema=portal",
        "spring.jooq.sql-dialect=POSTGRES",
        "spring.session.jdbc.table-name=portal.spring_session"
})
public @interface OnPostgres {
}
