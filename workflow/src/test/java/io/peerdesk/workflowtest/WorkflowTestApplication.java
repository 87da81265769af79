package io.peerdesk.workflowtest;

import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.support.TestClock;
import org.jooq.conf.RenderQuotedNames;
import org.mockito.Mockito;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The workflow module alone: the engine and the portal's migrations (for the inbox's table) on an
 * in-memory H2 database, the processes, delegates and facade, and a Mockito mock in place of the
 * domain's {@link PeeringLifecycle}. Outside io.peerdesk.workflow so nothing scans it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WorkflowTestApplication {

    @Bean
    PeeringLifecycle peeringLifecycle() {
        return Mockito.mock(PeeringLifecycle.class);
    }

    @Bean
    TestClock clock() {
        return new TestClock();
    }

    @Bean
    DefaultConfigurationCustomizer portableNames() {
        return c -> c.settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
    }
}
