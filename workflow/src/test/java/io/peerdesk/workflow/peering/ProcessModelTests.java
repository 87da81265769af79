package io.peerdesk.workflow.peering;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules for the models, so that a model edited in a modeler still fits the code: file
 * name = process id, history time to live, readable ids and names, a diagram for every element,
 * delegates that exist, deadlines and candidate groups on user tasks, retries on asynchronous steps.
 */
class ProcessModelTests extends ProcessTest {

    private static final String NODE_ID = "(StartEvent|EndEvent|Task|Gateway|SubProcess|Timer|Message|Error)_[A-Z][A-Za-z]+";

    @Autowired
    ApplicationContext context;
    @Autowired
    RepositoryService repository;

    @ParameterizedTest
    @ValueSource(strings = {PeeringRequestProcess.KEY, PeeringChangeProcess.KEY, PeeringTeardownProcess.KEY})
    void modelFollowsTheHouseRules(String key) throws IOException {
        BpmnModelInstance model = read(key);
        Process process = model.getModelElementsByType(Process.class).iterator().next();

        assertThat(process.getId()).isEqualTo(key);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getId()).matches(NODE_ID);
            assertThat(node.getName()).as(node.getId()).isNotBlank();
        }
        assertThat(model.getModelElementsByType(SequenceFlow.class)).extracting(BaseElement::getId)
                .allMatch(id -> id.matches("Flow_[A-Za-z]+_[A-Za-z]+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {PeeringRequestProcess.KEY, PeeringChangeProcess.KEY, PeeringTeardownProcess.KEY})
    void everyElementIsInTheDiagram(String key) throws IOException {
        BpmnModelInstance model = read(key);
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(edge -> edge.getWaypoints().size() >= 2)
                .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

        assertThat(shapes).containsAll(ids(model.getModelElementsByType(FlowNode.class)));
        assertThat(edges).containsAll(ids(model.getModelElementsByType(SequenceFlow.class)));
    }

    @ParameterizedTest
    @ValueSource(strings = {PeeringRequestProcess.KEY, PeeringChangeProcess.KEY, PeeringTeardownProcess.KEY})
    void tasksAreWiredForTheEngine(String key) throws IOException {
        BpmnModelInstance model = read(key);
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String bean = task.getCamundaDelegateExpression().replaceAll("^\\$\\{(\\w+)}$", "$1");
            assertThat(context.getBean(bean)).as(task.getId()).isInstanceOf(JavaDelegate.class);
            if (task.isCamundaAsyncBefore()) {
                assertThat(task.getExtensionElements().getElementsQuery()
                        .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult().getTextContent())
                        .as(task.getId()).isEqualTo("R5/PT10S");
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).matches("tenant:\\$\\{\\w+}:[A-Z_]+");
            assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank();
            assertThat(TaskKind.of(task.getId())).as(task.getId()).isPresent();
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list())
                .extracting(ProcessDefinition::getResourceName).singleElement().asString().endsWith(key + ".bpmn");
    }

    private static BpmnModelInstance read(String key) throws IOException {
        try (InputStream in = new ClassPathResource("bpmn/" + key + ".bpmn").getInputStream()) {
            return Bpmn.readModelFromStream(in);
        }
    }

    private static Set<String> ids(java.util.Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
    }
}
