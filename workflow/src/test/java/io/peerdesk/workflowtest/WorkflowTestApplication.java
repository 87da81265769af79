package io.peerdesk.workflowtest;

import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.support.TestClock;
import org.mockito.Mockito;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The workflow module alone: the engine on an in-memory H2 database, the processes, delegates and
 * facade, and a Mockito mock in place of the domain's {@link PeeringLifecycle}. Outside
 * io.peerdesk.workflow so nothing scans it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {FlywayAutoConfiguration.class, JooqAutoConfiguration.class})
public class WorkflowTestApplication {

    @Bean
    PeeringLifecycle peeringLifecycle() {
        return Mockito.mock(PeeringLifecycle.class);
    }

    @Bean
    TestClock clock() {
        return new TestClock();
    }
}
