package io.jenkins.plugins.selfheal.realjenkins;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One real Jenkins per test class, as {@code RealJenkinsRule} runs one elsewhere: {@code java -jar
 * jenkins.war} on a free loopback port, a fresh JENKINS_HOME from the project's template with the
 * Pipeline plugins and {@code target/self-heal.hpi}, started before the class and stopped after it
 * (with every agent it started). Register it as {@code @RegisterExtension static final RealJenkins
 * JENKINS = new RealJenkins();}; without a war the class is skipped and one line says where to put one.
 * Its home and log stay under {@code target/real-jenkins/<TestClass>/} for a look after a failure.
 */
public final class RealJenkins implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    static final Duration START_DEADLINE = Duration.ofMinutes(4);
    private static final AtomicBoolean SKIP_SAID = new AtomicBoolean();

    private final List<String> extraPlugins = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> homeFiles = new LinkedHashMap<>();
    private final List<InboundAgent> agents = new ArrayList<>();
    private JenkinsDistribution distribution;
    private Path dir;
    private int port;
    private Process process;

    /** Adds a plugin of {@code plugins-extra/} (e.g. {@code configuration-as-code}, {@code matrix-auth}). */
    public RealJenkins withExtraPlugins(String... shortNames) {
        extraPlugins.addAll(List.of(shortNames));
        return this;
    }

    /** Writes {@code content} to {@code home/<name>} before the first start and sets {@code variable} to its path. */
    public RealJenkins withHomeFile(String name, String content, String variable) {
        homeFiles.put(name, content);
        environment.put(variable, "{home}/" + name);
        return this;
    }

    /**
     * Lets steps inject failures ({@code simulate}), which a fresh Jenkins refuses: the administrator's switch
     * in Manage Jenkins » System, set in the home before the first start. {@code learn}: the second switch,
     * learning from simulated episodes (the tests that teach a policy with injected failures need it).
     */
    public RealJenkins withInjectedFailuresAllowed(boolean learn) {
        homeFiles.put("io.jenkins.plugins.selfheal.jenkins.SelfHealAutonomyConfiguration.xml", """
                <?xml version='1.1' encoding='UTF-8'?>
                <io.jenkins.plugins.selfheal.jenkins.SelfHealAutonomyConfiguration>
                  <allowInjectedFailures>true</allowInjectedFailures>
                  <learnFromSimulated>%s</learnFromSimulated>
                </io.jenkins.plugins.selfheal.jenkins.SelfHealAutonomyConfiguration>
                """.formatted(learn));
        return this;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (JenkinsDistribution.locate().isPresent()) {
            return ConditionEvaluationResult.enabled("a jenkins.war was found");
        }
        if (SKIP_SAID.compareAndSet(false, true)) {
            System.err.println(JenkinsDistribution.NOT_FOUND);
        }
        return ConditionEvaluationResult.disabled(JenkinsDistribution.NOT_FOUND);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        distribution = JenkinsDistribution.locate().orElseThrow();
        Path hpi = JenkinsDistribution.pluginUnderTest();
        if (!Files.isRegularFile(hpi)) {
            throw new IllegalStateException("no plugin to test at " + hpi + ": run mvn package first");
        }
        dir = JenkinsDistribution.basedir().resolve("target/real-jenkins").resolve(context.getRequiredTestClass().getSimpleName());
        deleteTree(dir);
        Path home = home();
        Files.createDirectories(home.resolve("plugins"));
        copyTemplate(home);
        for (Path plugin : pluginFiles(distribution.plugins())) {
            Files.copy(plugin, home.resolve("plugins").resolve(plugin.getFileName()));
        }
        for (String extra : extraPlugins) {
            Files.copy(distribution.extraPlugin(extra), home.resolve("plugins").resolve(extra + ".jpi"));
        }
        for (String dependency : extraPluginDependencies()) {
            Path jpi = distribution.extraPlugins().resolve(dependency + ".jpi");
            if (Files.isRegularFile(jpi) && !Files.exists(home.resolve("plugins").resolve(dependency + ".jpi"))) {
                Files.copy(jpi, home.resolve("plugins").resolve(dependency + ".jpi"));
            }
        }
        Files.copy(hpi, home.resolve("plugins/self-heal.jpi"));
        for (Map.Entry<String, String> file : homeFiles.entrySet()) {
            Files.writeString(home.resolve(file.getKey()), file.getValue());
        }
        port = freePort();
        Files.writeString(home.resolve("jenkins.model.JenkinsLocationConfiguration.xml"), """
                <?xml version='1.1' encoding='UTF-8'?>
                <jenkins.model.JenkinsLocationConfiguration>
                  <adminAddress>nobody@localhost</adminAddress>
                  <jenkinsUrl>%s</jenkinsUrl>
                </jenkins.model.JenkinsLocationConfiguration>
                """.formatted(url()));
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        agents.forEach(InboundAgent::stop);
        stop();
    }

    /** {@code http://127.0.0.1:PORT/}, with the trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public Path home() {
        return dir.resolve("home");
    }

    /** A folder of this test class's own, beside the home, for agents and fixtures. */
    public Path workDir(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    /** An anonymous visitor (in the template, anonymous may do anything). */
    public JenkinsClient anonymous() {
        return new JenkinsClient(url());
    }

    /** Job and build verbs as the anonymous visitor. */
    public Jobs jobs() {
        return new Jobs(anonymous());
    }

    /** Everything Jenkins wrote to its stdout/stderr so far: its log. */
    public String log() {
        try {
            return Files.readString(dir.resolve("jenkins.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops Jenkins as {@code systemctl stop} would (SIGTERM: running Pipelines are saved) and starts it again. */
    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    /** Starts an inbound (WebSocket) agent process with its own work directory (and JVM options); stopped after the class. */
    public InboundAgent startAgent(String name, String label, String... jvmOptions) throws IOException, InterruptedException {
        InboundAgent agent = InboundAgent.start(this, name, label, jvmOptions);
        agents.add(agent);
        return agent;
    }

    private void start() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("jenkins.java", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx1g", "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "-Djava.awt.headless=true", "-Djenkins.install.runSetupWizard=false",
                "-Dhudson.model.UpdateCenter.never=true", "-Dhudson.model.DownloadService.never=true",
                "-jar", distribution.war().toString(), "--webroot=" + dir.resolve("war-root"),
                "--httpPort=" + port, "--httpListenAddress=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("jenkins.log").toFile()));
        builder.environment().put("JENKINS_HOME", home().toString());
        environment.forEach((k, v) -> builder.environment().put(k, v.replace("{home}", home().toString())));
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        JenkinsClient probe = anonymous();
        Waits.until(START_DEADLINE, () -> "Jenkins up on " + url() + "; log tail:\n" + tail(40), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("Jenkins exited with " + process.exitValue() + "; log tail:\n" + tail(40));
            }
            // the loading screen answers 503; once Jenkins is up, 200 (or 403 for an anonymous visitor without Read)
            int status = probe.statusOf("api/json");
            return status == 200 || status == 403;
        });
    }

    private void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private void copyTemplate(Path home) throws IOException {
        for (String name : List.of("config.xml", "jenkins.install.InstallUtil.lastExecVersion", "jenkins.install.UpgradeWizard.state")) {
            try (var in = RealJenkins.class.getResourceAsStream("/realjenkins/home-template/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource realjenkins/home-template/" + name);
                }
                Files.copy(in, home.resolve(name));
            }
        }
    }

    /** What the extra plugins need from {@code plugins-extra/} (each copied once, when present). */
    private List<String> extraPluginDependencies() {
        return extraPlugins.isEmpty() ? List.of() : List.of("prism-api", "bootstrap5-api", "font-awesome-api",
                "plugin-util-api", "antisamy-markup-formatter", "snakeyaml-api");
    }

    private static List<Path> pluginFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no plugins folder at " + folder + " (set -Djenkins.plugins=DIR)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".jpi") || p.toString().endsWith(".hpi")).sorted().toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
