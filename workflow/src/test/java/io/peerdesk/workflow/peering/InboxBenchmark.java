package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.workflowtest.WorkflowTestApplication;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Measures the inbox with 10,000 open approval tasks for one tenant, not a test. Seeds 10,000
 * peering-request instances waiting at Task_ApproveRequest for tenant A (deadlines spread over
 * seven days), 500 at Task_SecurityReview for A and 2,000 approvals for another tenant, each started
 * at the approval (or review) with the variables the real path sets, so the engine holds the same
 * rows: execution tree, task, candidate-group link, timers, message subscription. Then times, after
 * a warm-up, 500 calls each of {@link PeeringWorkflow#openTasks(Actor)} (the first page of 50, the
 * nearest deadline first), the last page, and {@link PeeringWorkflow#countOpenTasks}, for an approver
 * of tenant A, each after a small write (untimed) so that no database answers from a kept result, and
 * prints p50/p95/p99/max; and, for comparison, the same first page from the engine's own task query by
 * candidate group, which the inbox does not use.
 *
 * <p>Run from the repository root (H2 file database in a temporary directory by default; PostgreSQL
 * with {@code -Dspring.datasource.url=jdbc:postgresql://... -Dspring.datasource.username=...
 * -Dspring.datasource.password=... -Dspring.flyway.schemas=portal -Dspring.flyway.default-schema=portal
 * -Dspring.jooq.sql-dialect=POSTGRES}):
 * <pre>
 * mvn -B -q -pl workflow -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp workflow/target/test-classes:workflow/target/classes:$(cat workflow/target/cp.txt) \
 *     io.peerdesk.workflow.peering.InboxBenchmark
 * </pre>
 */
public class InboxBenchmark {

    private static final int TASKS = 10_000;
    private static final int RUNS = 500;

    public static void main(String[] args) throws Exception {
        if (System.getProperty("spring.datasource.url") == null) {
            // under target/ of the working directory, as the tests keep theirs: nothing left in the system's /tmp
            Path parent = Files.createDirectories(Path.of("target", "test-data"));
            String dir = Files.createTempDirectory(parent, "inbox-benchmark").toAbsolutePath().toString();
            System.setProperty("spring.datasource.url", "jdbc:h2:file:" + dir + "/portal;AUTO_SERVER=FALSE");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkflowTestApplication.class).run()) {
            RuntimeService runtime = context.getBean(RuntimeService.class);
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            PeeringWorkflow workflow = context.getBean(PeeringWorkflow.class);
            TenantId tenantA = new TenantId(UUID.randomUUID());
            TenantId tenantB = new TenantId(UUID.randomUUID());

            long seeding = System.nanoTime();
            seed(runtime, transaction, tenantA, TASKS, PeeringRequestProcess.TASK_APPROVE_REQUEST);
            seed(runtime, transaction, tenantA, 500, PeeringRequestProcess.TASK_SECURITY_REVIEW);
            seed(runtime, transaction, tenantB, 2_000, PeeringRequestProcess.TASK_APPROVE_REQUEST);
            System.out.printf("seeded 12,500 waiting requests in %d s (%s)%n",
                    (System.nanoTime() - seeding) / 1_000_000_000, System.getProperty("spring.datasource.url"));

            Actor approver = new Actor(tenantA, "arthur", Set.of(Role.APPROVER), "127.0.0.1");
            Actor both = new Actor(tenantA, "irene", Set.of(Role.APPROVER, Role.SECURITY_REVIEWER), "127.0.0.1");
            // a write between two reads, as the job executor and other users make: no database may answer
            // a repeated query from a result it kept
            String touched = runtime.createProcessInstanceQuery().processDefinitionKey(PeeringRequestProcess.KEY)
                    .listPage(0, 1).get(0).getId();
            Runnable write = () -> runtime.setVariable(touched, "benchmarkTouch", System.nanoTime());
            report("openTasks, first page of 50 (approver)", write, () -> workflow.openTasks(approver).size());
            report("openTasks, first page of 50 (approver + security reviewer)", write,
                    () -> workflow.openTasks(both).size());
            report("openTasks, last page (offset 9,950)", write, () -> workflow.openTasks(approver, TASKS - 50, 50).size());
            report("countOpenTasks", write, () -> (int) workflow.countOpenTasks(approver));
            TaskService tasks = context.getBean(TaskService.class);
            report("for comparison: engine task query by candidate group", write, () -> tasks.createTaskQuery()
                    .processDefinitionKeyIn(PeeringRequestProcess.KEY, PeeringChangeProcess.KEY)
                    .taskCandidateGroupIn(TaskKind.candidateGroups(approver))
                    .orderByDueDate().asc().orderByTaskCreateTime().asc()
                    .listPage(0, 50).size());
        }
    }

    private static void seed(RuntimeService runtime, TransactionTemplate transaction, TenantId accepter, int count,
                             String taskKey) {
        Instant now = Instant.now();
        for (int batch = 0; batch < count; batch += 500) {
            int from = batch;
            transaction.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(from + 500, count); i++) {
                    Instant expires = now.plus(1, ChronoUnit.DAYS).plusSeconds((long) i * 6 * 86_400 / count)
                            .truncatedTo(ChronoUnit.SECONDS);
                    PeeringRequestId id = new PeeringRequestId(UUID.randomUUID());
                    runtime.createProcessInstanceByKey(PeeringRequestProcess.KEY)
                            .businessKey(id.toString())
                            .setVariables(Map.of(
                                    PeeringRequestProcess.REQUESTER_TENANT, UUID.randomUUID().toString(),
                                    PeeringRequestProcess.ACCEPTER_TENANT, accepter.toString(),
                                    PeeringRequestProcess.CONNECTION_EXPIRES_AT, expires.toString(),
                                    PeeringRequestProcess.REMINDER_AT, expires.minus(2, ChronoUnit.DAYS).toString(),
                                    PeeringRequestProcess.APPROVED, true))
                            .startBeforeActivity(taskKey)
                            .execute();
                }
            });
        }
    }

    private static void report(String what, Runnable write, Supplier<Integer> query) {
        for (int i = 0; i < 50; i++) {
            query.get();
        }
        long[] nanos = new long[RUNS];
        int rows = 0;
        for (int i = 0; i < RUNS; i++) {
            write.run();
            long start = System.nanoTime();
            rows = query.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-58s rows %5d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, rows,
                ms(nanos[RUNS / 2]), ms(nanos[RUNS * 95 / 100]), ms(nanos[RUNS * 99 / 100]), ms(nanos[RUNS - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
