package io.jenkins.plugins.selfheal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything points at the engine, and inside the engine each package at the ones below it
 * (docs: architecture.md): one layering rule for the project's own packages, one for the libraries.
 */
class ArchitectureTest {
    private static final String ROOT = "io.jenkins.plugins.selfheal";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theImportSeesTheEngineAndTheCliButNoTests() {
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith(ROOT + ".engine."))
                .anyMatch(p -> p.startsWith(ROOT + ".cli"));
        assertThat(classes.contain(ArchitectureTest.class)).isFalse();
    }

    /**
     * Bottom up: uptime, detect, heal, learn, episode (the typed episode), store (its serialised form),
     * then loop, view and autonomy (the gate, the caps) side by side, eval (off-policy evaluation of recorded
     * episodes) beside them, sim above loop and eval; the CLI and the Jenkins side use the engine and
     * never each other. The view is shared by the job page and the CLI report, so it uses neither.
     */
    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .layer("uptime").definedBy(ROOT + ".engine.uptime..")
                .layer("detect").definedBy(ROOT + ".engine.detect..")
                .layer("heal").definedBy(ROOT + ".engine.heal..")
                .layer("learn").definedBy(ROOT + ".engine.learn..")
                .layer("episode").definedBy(ROOT + ".engine.episode..")
                .layer("store").definedBy(ROOT + ".engine.store..")
                .layer("loop").definedBy(ROOT + ".engine.loop..")
                .layer("view").definedBy(ROOT + ".engine.view..")
                .layer("eval").definedBy(ROOT + ".engine.eval..")
                .layer("sim").definedBy(ROOT + ".engine.sim..")
                .layer("autonomy").definedBy(ROOT + ".engine.autonomy..")
                .layer("cli").definedBy(ROOT + ".cli..")
                .layer("jenkins").definedBy(ROOT + ".jenkins..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("jenkins").mayNotBeAccessedByAnyLayer()
                .whereLayer("sim").mayOnlyBeAccessedByLayers("cli", "jenkins")
                .whereLayer("view").mayOnlyBeAccessedByLayers("cli", "jenkins")
                .whereLayer("autonomy").mayOnlyBeAccessedByLayers("cli", "jenkins")
                .whereLayer("eval").mayOnlyBeAccessedByLayers("sim", "cli", "jenkins")
                .whereLayer("loop").mayOnlyBeAccessedByLayers("sim", "cli", "jenkins")
                .whereLayer("store").mayOnlyBeAccessedByLayers("loop", "view", "sim", "autonomy", "cli", "jenkins")
                .whereLayer("episode").mayOnlyBeAccessedByLayers("store", "loop", "view", "eval", "sim", "autonomy", "cli",
                        "jenkins")
                .whereLayer("learn").mayOnlyBeAccessedByLayers("episode", "store", "loop", "view", "eval", "sim", "autonomy",
                        "cli", "jenkins")
                .whereLayer("heal").mayOnlyBeAccessedByLayers("learn", "episode", "store", "loop", "view", "eval", "sim",
                        "autonomy", "cli", "jenkins")
                .whereLayer("detect").mayOnlyBeAccessedByLayers("heal", "episode", "store", "loop", "view", "sim", "autonomy",
                        "cli", "jenkins")
                .whereLayer("uptime").mayOnlyBeAccessedByLayers("detect", "heal", "learn", "episode", "store", "loop",
                        "view", "sim", "autonomy", "cli", "jenkins")
                .because("the engine runs without Jenkins and the CLI; the plugin does not ship the CLI")
                .check(classes);
    }

    /**
     * The CSV scan machinery is an implementation detail of the data check: only the detect package
     * (the DataAnomalyDetector) reaches into it, so the scan can change without touching its callers.
     */
    @Test
    void onlyTheDetectorsUseTheCsvScan() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".engine.detect", ROOT + ".engine.detect.scan")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".engine.detect.scan")
                .because("callers ask the DataAnomalyDetector; how it scans is its own business")
                .check(classes);
    }

    @Test
    void onlyTheJenkinsSideUsesJenkinsAndOnlyTheCliUsesPicocli() {
        noClasses().that().resideInAPackage(ROOT + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "org.jvnet..", "net.sf.json..",
                        "net.java.sezpoz..", "jakarta.servlet..", "com.google.common..", "org.springframework..",
                        "picocli..")
                .because("the engine is Jenkins-free and shared by the CLI and the plugin")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..")
                .because("the CLI runs without Jenkins")
                .check(classes);
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .because("picocli and the CLI are not in the .hpi")
                .check(classes);
    }
}
