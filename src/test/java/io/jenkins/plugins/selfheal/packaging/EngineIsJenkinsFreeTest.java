package io.jenkins.plugins.selfheal.packaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine runs in the CLI (no Jenkins) and inside Jenkins; the plugin jar runs without the CLI's
 * libraries. Provided-only dependencies (guava, spring-security, servlet) exist only inside Jenkins.
 */
class EngineIsJenkinsFreeTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.selfheal");
    }

    @Test
    void engineDoesNotUseJenkins() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.selfheal.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "org.jvnet..", "net.sf.json..",
                        "net.java.sezpoz..", "jakarta.servlet..", "com.google.common..", "org.springframework..",
                        "picocli..", "io.jenkins.plugins.selfheal.jenkins..", "io.jenkins.plugins.selfheal.cli..")
                .because("the engine is Jenkins-free and shared by the CLI and the plugin")
                .check(classes);
    }

    @Test
    void pluginCodeDoesNotUseTheCliOrPicocli() {
        noClasses().that().resideOutsideOfPackage("io.jenkins.plugins.selfheal.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.jenkins.plugins.selfheal.cli..")
                .because("picocli and the CLI are not in the .hpi")
                .check(classes);
    }
}
