package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The peering processes' delegates and the {@link PeeringWorkflow} facade, in any application that
 * has the engine and a {@link PeeringLifecycle} for them to drive. The BPMN files in {@code bpmn/}
 * are deployed by the engine's auto-deployment.
 */
@AutoConfiguration(after = CamundaBpmAutoConfiguration.class)
@ConditionalOnBean(PeeringLifecycle.class)
@EnableConfigurationProperties(PeeringWorkflowProperties.class)
@Import({PeeringWorkflow.class, Inbox.class, InboxRepository.class, InboxEntries.class, Decisions.class,
        Timelines.class, RequestParties.class, RequestConnection.class, RevalidateRequest.class, CheckSecurityReview.class, SendReminder.class,
        ExpireRequest.class, CancelRequest.class, RejectRequest.class, ProvisionPeering.class, VerifyPeering.class,
        CompensatePeering.class, ActivatePeering.class, TearDownPeering.class,
        CheckChangeReview.class, ApplyChange.class, CompleteChange.class, RevertChange.class})
class PeeringWorkflowConfiguration {

    @Bean
    Steps peeringWorkflowSteps(PlatformTransactionManager transactions, ManagementService management,
                               PeeringLifecycle lifecycle) {
        return new Steps(transactions, management, lifecycle);
    }

    /** A step waiting for the cloud does not spend its retries (see {@link Steps}). */
    @Bean
    static ProcessEnginePlugin peeringCloudWaitRetries() {
        return new CloudWaitRetries();
    }

    /** The history level {@code peering}: {@code audit} without the steps and variables nobody reads. */
    @Bean
    static ProcessEnginePlugin peeringHistoryLevel() {
        return new PeeringHistoryLevel.Plugin();
    }

    /** On H2, the engine's lookups of an execution's variables read only its rows (see {@link H2QueryPlans}). */
    @Bean
    static ProcessEnginePlugin peeringH2QueryPlans() {
        return new H2QueryPlans();
    }

    /** Steps a stopped run of this portal had taken run again at its start, not once their locks expire (see {@link JobLocksAtStart}). */
    @Bean
    static ProcessEnginePlugin peeringJobLocksAtStart(Environment environment) {
        return new JobLocksAtStart(environment.getProperty("portal.node-name"));
    }
}
