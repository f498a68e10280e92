package io.jenkins.plugins.selfheal.realjenkins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Jenkins the real-Jenkins tests run: a {@code jenkins.war} and the Pipeline plugins beside it.
 * The war is looked up in three places, first found wins: {@code -Djenkins.war=…}, {@code JENKINS_WAR},
 * {@code ../shared/jenkins/jenkins.war}. The plugins are {@code -Djenkins.plugins=DIR} /
 * {@code JENKINS_PLUGINS}, else the {@code plugins/} folder beside the war; optional plugins a test
 * adds (JCasC, matrix-auth) come from {@code plugins-extra/} beside them.
 *
 * @param war          the Jenkins war
 * @param plugins      a folder of {@code *.jpi}/{@code *.hpi} installed in every home
 * @param extraPlugins a folder of plugins tests may add by short name
 */
record JenkinsDistribution(Path war, Path plugins, Path extraPlugins) {
    /** The one line printed (once) when the suite skips. */
    static final String NOT_FOUND = "real-Jenkins tests skipped: no jenkins.war in -Djenkins.war, JENKINS_WAR or "
            + "../shared/jenkins/jenkins.war (with the Pipeline plugins in plugins/ beside it or -Djenkins.plugins)";

    static Optional<JenkinsDistribution> locate() {
        Optional<Path> war = firstExisting(System.getProperty("jenkins.war"), System.getenv("JENKINS_WAR"),
                basedir().resolve("../shared/jenkins/jenkins.war").toString());
        return war.map(w -> {
            Path beside = w.toAbsolutePath().getParent();
            Path plugins = firstExisting(System.getProperty("jenkins.plugins"), System.getenv("JENKINS_PLUGINS"))
                    .orElse(beside.resolve("plugins"));
            return new JenkinsDistribution(w, plugins, plugins.toAbsolutePath().getParent().resolve("plugins-extra"));
        });
    }

    /** The project root (set by failsafe; the working directory from an IDE). */
    static Path basedir() {
        return Path.of(System.getProperty("selfheal.basedir", ".")).toAbsolutePath().normalize();
    }

    /** The plugin under test, built by {@code mvn package}. */
    static Path pluginUnderTest() {
        return Path.of(System.getProperty("selfheal.hpi", basedir().resolve("target/self-heal.hpi").toString()));
    }

    /** An optional plugin from {@code plugins-extra/}, by short name. */
    Path extraPlugin(String shortName) {
        Path jpi = extraPlugins.resolve(shortName + ".jpi");
        if (!Files.isRegularFile(jpi)) {
            throw new IllegalStateException("this test needs the plugin " + shortName + " at " + jpi);
        }
        return jpi;
    }

    private static Optional<Path> firstExisting(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank() && Files.exists(Path.of(candidate))) {
                return Optional.of(Path.of(candidate).toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }
}
