package io.jenkins.plugins.selfheal.realjenkins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration as Code sets the global Self-Heal configuration when Jenkins starts, from the YAML
 * the README shows, and its export writes a YAML that imports again. Decimals are quoted: JCasC's
 * YAML loader drops plain decimals for every plugin (see {@code SelfHealGlobalConfiguration}).
 */
class ConfigurationAsCodeIT {
    private static final String YAML = """
            jenkins:
              systemMessage: "configured as code"
            unclassified:
              selfHeal:
                alpha: "0.2"
                epsilon: "0.05"
                gamma: "0.8"
                rewardRejected: "-2.5"
                feedbackTimeoutMinutes: 30
                recommendOnly: true
              selfHealAutonomy:
                autonomy: "confident"
                confidenceThreshold: "0.9"
                maxHealsPerHour: 3
                coolDownMinutes: 30
                allowInjectedFailures: true
            """;

    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withExtraPlugins("configuration-as-code")
            .withHomeFile("casc.yaml", YAML, "CASC_JENKINS_CONFIG");

    @Test
    void theYamlSetsTheGlobalConfigurationAtStart() throws Exception {
        JenkinsClient admin = JENKINS.anonymous();
        assertThat(admin.json("api/json?tree=description").path("description").asText()).isEqualTo("configured as code");
        String settings = admin.script("""
                def c = io.jenkins.plugins.selfheal.jenkins.SelfHealGlobalConfiguration.get()
                println "${c.alpha} ${c.epsilon} ${c.gamma} ${c.rewardRejected} ${c.feedbackTimeoutMinutes} ${c.recommendOnly}"
                """);
        assertThat(settings.strip()).isEqualTo("0.2 0.05 0.8 -2.5 30 true");
        // saved too, so it holds after a restart without the YAML
        String saved = Files.readString(JENKINS.home().resolve("io.jenkins.plugins.selfheal.jenkins.SelfHealGlobalConfiguration.xml"));
        assertThat(saved).contains("<alpha>0.2</alpha>", "<epsilon>0.05</epsilon>", "<feedbackTimeoutMinutes>30</feedbackTimeoutMinutes>");
        assertThat(JENKINS.log()).doesNotContain("Invalid configuration elements");
    }

    @Test
    void theYamlSetsTheAutonomyDefaultsAndTheInjectedFailureSwitch() throws Exception {
        String settings = JENKINS.anonymous().script("""
                def c = io.jenkins.plugins.selfheal.jenkins.SelfHealAutonomyConfiguration.get()
                println "${c.autonomy} ${c.confidenceThreshold} ${c.maxHealsPerHour} ${c.coolDownMinutes} ${c.allowInjectedFailures} ${c.learnFromSimulated}"
                """);
        assertThat(settings.strip()).isEqualTo("confident 0.9 3 30 true false");
        JenkinsClient.Response export = JENKINS.anonymous().post("configuration-as-code/export", Map.of());
        String yaml = export.body();
        int section = yaml.indexOf("  selfHealAutonomy:");
        assertThat(section).as(yaml).isPositive();
        assertThat(yaml.substring(section, Math.min(yaml.length(), section + 300)))
                .contains("autonomy: \"confident\"", "allowInjectedFailures: true", "maxHealsPerHour: 3");
    }

    @Test
    void theExportHoldsTheSectionInAFormThatImportsAgain() throws Exception {
        JenkinsClient.Response export = JENKINS.anonymous().post("configuration-as-code/export", Map.of());
        assertThat(export.status()).isEqualTo(200);
        String yaml = export.body();
        int section = yaml.indexOf("  selfHeal:");
        assertThat(section).as(yaml).isPositive();
        String selfHeal = yaml.substring(section, Math.min(yaml.length(), section + 400));
        assertThat(selfHeal).contains("alpha: \"0.2\"", "epsilon: \"0.05\"", "feedbackTimeoutMinutes: 30", "recommendOnly: true");
    }
}
