package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.loop.StalePolicyException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** How a waiting episode settles when no decision reaches the step: missed decisions, a replaced policy, the timeout. */
class EpisodeSettlingTest {
    private final DecisionRecord record = new DecisionRecord(PhasesRig.draft());
    private final AtomicInteger saves = new AtomicInteger();
    private final AtomicInteger learned = new AtomicInteger();
    private final List<String> log = new ArrayList<>();
    private String generation = "gen-1";
    private boolean learnerSaysStale;

    private final EpisodeSettling settling = new EpisodeSettling(record, (draft, feedback, by) -> {
        if (learnerSaysStale) {
            throw new StalePolicyException("gen-1", "gen-2");
        }
        learned.incrementAndGet();
        return EpisodeSettling.withoutLearning(draft, feedback, by); // any decided entry will do here
    }, () -> generation, saves::incrementAndGet);

    @Test
    void nothingMissedWhileTheRecordWaitsOnTheSamePolicy() throws Exception {
        assertThat(settling.meanwhile()).isEmpty();
        assertThat(saves).hasValue(0);
    }

    @Test
    void aRecordDecidedElsewhereIsTheStepsEnding() throws Exception {
        record.decide(Feedback.accepted(), "alice", (d, f, b) -> PhasesRig.draft());

        assertThat(settling.meanwhile()).contains(new StepPhases.Ending.Decided(record.episode()));
    }

    @Test
    void aReplacedPolicySettlesTheRecordWithoutLearningAndSavesTheBuild() throws Exception {
        generation = "gen-2";

        StepPhases.Ending.Decided settled = settling.meanwhile().orElseThrow();

        assertThat(EpisodeSettling.notLearned(settled.episode())).isTrue();
        assertThat(settled.episode().verdict()).isEqualTo(Verdict.NONE);
        assertThat(settled.episode().outcome()).isEqualTo(Outcome.HEALED);
        assertThat(settled.episode().reward()).isZero();
        assertThat(settled.episode().updates()).isEmpty();
        assertThat(record.isAwaitingFeedback()).as("the page no longer offers the buttons").isFalse();
        assertThat(learned).hasValue(0);
        assertThat(saves).hasValue(1);
    }

    @Test
    void theTimeoutLearnsFromTheOutcomeAlone() throws Exception {
        StepPhases.Ending.Decided settled = settling.onTimeout("no feedback within 5 minutes", log::add);

        assertThat(settled.episode().verdict()).isEqualTo(Verdict.NONE);
        assertThat(learned).hasValue(1);
        assertThat(saves).hasValue(1);
        assertThat(log).containsExactly("no feedback within 5 minutes: learning from the outcome only");
    }

    @Test
    void theTimeoutOnAReplacedPolicySettlesWithoutLearningNorStackTrace() throws Exception {
        generation = "gen-2";

        StepPhases.Ending.Decided settled = settling.onTimeout("no feedback within 5 minutes", log::add);

        assertThat(EpisodeSettling.notLearned(settled.episode())).isTrue();
        assertThat(learned).hasValue(0);
        assertThat(log).isEmpty();
    }

    @Test
    void aPolicyReplacedBetweenTheLookAndTheLearningStillSettlesWithoutLearning() throws Exception {
        learnerSaysStale = true; // the generation looked current, the learner found it stale under its lock

        StepPhases.Ending.Decided settled = settling.onTimeout("no feedback within 5 minutes", log::add);

        assertThat(EpisodeSettling.notLearned(settled.episode())).isTrue();
        assertThat(record.isAwaitingFeedback()).isFalse();
    }

    @Test
    void theSeamImportsNothingOfJenkins() {
        noClasses().that().haveSimpleNameStartingWith("StepPhases").or().haveSimpleNameStartingWith("EpisodeSettling")
                .or().haveSimpleNameStartingWith("DecisionRecord")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..",
                        "org.jenkinsci..", "com.google.common..")
                .because("the step's phases and their races are tested without Jenkins")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.jenkins.plugins.selfheal.jenkins"));
    }
}
