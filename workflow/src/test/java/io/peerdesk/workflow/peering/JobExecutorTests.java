package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringRequestId;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.END_ACTIVE;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

/**
 * With the job executor on, as in the portal: the asynchronous steps run by themselves, each in its
 * own transaction, from the filing to the active peering. Its own database, so that its executor
 * never takes the jobs the other tests run by hand.
 */
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:workflow-job-executor;DB_CLOSE_DELAY=-1"})
@DirtiesContext
class JobExecutorTests extends ProcessTest {

    @Test
    void theJobExecutorCarriesAnApprovedRequestToActive() {
        PeeringRequestId id = newId();
        workflow.start(id, requester, accepter);

        List<InboxTask> inbox = await(() -> workflow.openTasks(arthur), tasks -> !tasks.isEmpty());
        workflow.decide(arthur, inbox.get(0).taskId(), new Decision(true, "fine"));
        HistoricProcessInstance process = await(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(KEY).processInstanceBusinessKey(id.toString()).singleResult(),
                instance -> instance.getEndTime() != null);

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .activityId(END_ACTIVE).finished().count()).isOne();
        verify(lifecycle).activate(id);
    }

    /** Polls until the job executor has got there, for at most 30 seconds. */
    private static <T> T await(Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T value = probe.get();
        while (!done.test(value)) {
            assertThat(Instant.now()).as("the job executor got there in time").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        return value;
    }
}
