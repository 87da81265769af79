package io.peerdesk.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.peerdesk.domain.support.RenderedQuery;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain stays below the web and workflow tiers: no servlet, Thymeleaf, Camunda or web code. */
class ArchitectureTests {

    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.peerdesk.domain");

    @Test
    void domainImportsNoWebWorkflowOrServletTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.servlet..", "org.thymeleaf..", "org.camunda..", "org.springframework.web..",
                        "io.peerdesk.web..", "io.peerdesk.workflow..")
                .check(domain);
    }

    @Test
    void onlyRepositoriesTouchTheDatabase() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository").and().doNotBelongToAnyOf(RenderedQuery.class)
                .should().dependOnClassesThat().haveFullyQualifiedName("org.jooq.DSLContext")
                .check(domain);
    }

    /** The repositories' helper for their most frequent reads is theirs alone. */
    @Test
    void onlyRepositoriesRunRenderedQueries() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository").and().doNotBelongToAnyOf(RenderedQuery.class)
                .should().dependOnClassesThat().belongToAnyOf(RenderedQuery.class)
                .check(domain);
    }
}
