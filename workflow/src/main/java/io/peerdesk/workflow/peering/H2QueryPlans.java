package io.peerdesk.workflow.peering;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * On H2, tells the query optimizer once the engine's tables exist what it would otherwise learn
 * only after thousands of changes: the engine's variables seldom belong to a task. The engine reads
 * an execution's variables ({@code EXECUTION_ID_ = ? and TASK_ID_ is null}) whenever a step or an
 * expression looks at one. Without statistics H2 rates both columns alike and reads the rows through
 * the index on {@code TASK_ID_}, that is every variable of every running process, checking each: with
 * a few hundred processes running that was a fifth of the workflow jobs' time. With {@code TASK_ID_}
 * marked as having few distinct values it reads the execution's own rows by their index. H2 keeps the
 * setting in its schema until its next statistics run, which finds the same. Other databases keep
 * statistics of their own; nothing is done there. Installed as a process engine plugin.
 */
class H2QueryPlans extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if ("h2".equals(configuration.getDatabaseType())) {
            new EngineStatisticsRepository(configuration.getDataSource())
                    .fewDistinctValues(configuration.getDatabaseTablePrefix() + "ACT_RU_VARIABLE", "TASK_ID_");
        }
    }
}
