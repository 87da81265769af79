package io.peerdesk.workflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The workflow sits between web and domain, and reaches the database only through the engine. */
class ArchitectureTests {

    private final JavaClasses workflow = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.peerdesk.workflow");

    @Test
    void workflowImportsNoWebCodeAndNoSql() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.peerdesk.web..", "jakarta.servlet..", "org.thymeleaf..", "org.springframework.web..",
                        "org.jooq..", "io.peerdesk.db..", "java.sql..")
                .check(workflow);
    }

    @Test
    void delegatesAreNotPartOfThePublicSurface() {
        classes().that().implement(JavaDelegate.class).should().notHaveModifier(JavaModifier.PUBLIC).check(workflow);
    }

    @Test
    void onlyTheFacadeAndWhatItReturnsArePublic() {
        classes().that().arePublic().and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("Workflow").orShould().haveSimpleName("InboxTask")
                .orShould().haveSimpleName("TaskKind").orShould().haveSimpleName("Timeline")
                .check(workflow);
    }
}
