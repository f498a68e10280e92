package io.jenkins.plugins.selfheal.engine.view;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The view document is shared by the Jenkins page and the CLI report, so it may depend on neither. */
class ViewArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.selfheal.engine.view");

    @Test
    void viewImportsNothingFromJenkinsOrTheCli() {
        noClasses().that().resideInAPackage("..selfheal.engine.view..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..",
                        "org.jenkinsci..", "..selfheal.jenkins..", "..selfheal.cli..")
                .check(classes);
    }
}
