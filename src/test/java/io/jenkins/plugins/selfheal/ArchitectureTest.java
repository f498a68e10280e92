package io.jenkins.plugins.selfheal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Everything points at the engine; the engine points at nothing of Jenkins (docs: architecture.md). */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.selfheal");
    }

    @Test
    void theImportSeesTheEngineAndTheCliButNoTests() {
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("io.jenkins.plugins.selfheal.engine."))
                .anyMatch(p -> p.startsWith("io.jenkins.plugins.selfheal.cli"));
        assertThat(classes.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void engineDependsOnNothingOfJenkinsNorOnItsCallers() {
        ArchRule rule = noClasses().that().resideInAPackage("io.jenkins.plugins.selfheal.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..",
                        "io.jenkins.plugins.selfheal.cli..", "io.jenkins.plugins.selfheal.jenkins..")
                .because("the engine must run without Jenkins, and the CLI and the plugin build on it");
        rule.check(classes);
    }

    @Test
    void cliDoesNotDependOnTheJenkinsPlugin() {
        ArchRule rule = noClasses().that().resideInAPackage("io.jenkins.plugins.selfheal.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jenkins.plugins.selfheal.jenkins..",
                        "hudson..", "jenkins..")
                .because("the CLI runs without Jenkins");
        rule.check(classes);
    }
}
