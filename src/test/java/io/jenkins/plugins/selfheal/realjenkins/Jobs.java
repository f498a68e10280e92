package io.jenkins.plugins.selfheal.realjenkins;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Jobs and builds through Jenkins' REST API, as a script or a person drives them. */
public final class Jobs {
    private final JenkinsClient client;

    public Jobs(JenkinsClient client) {
        this.client = client;
    }

    /** A build of a job: {@code job/<name>/<number>/}. */
    public record Build(String job, int number) {
        public String url() {
            return "job/" + JenkinsClient.encode(job) + "/" + number + "/";
        }
    }

    /** Creates a Pipeline job running {@code script} in the Groovy sandbox or not. */
    public void createPipeline(String name, String script, boolean sandbox) throws IOException, InterruptedException {
        create(name, """
                <?xml version='1.1' encoding='UTF-8'?>
                <flow-definition plugin="workflow-job">
                  <definition class="org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition" plugin="workflow-cps">
                    <script>%s</script>
                    <sandbox>%s</sandbox>
                  </definition>
                  <disabled>false</disabled>
                </flow-definition>
                """.formatted(xmlText(script), sandbox));
    }

    /** Creates a Pipeline job that runs outside the sandbox (as an administrator's job may). */
    public void createPipeline(String name, String script) throws IOException, InterruptedException {
        createPipeline(name, script, false);
    }

    /** Creates a job from a config.xml, as the REST API, Job DSL or a script would. */
    public void create(String name, String configXml) throws IOException, InterruptedException {
        JenkinsClient.Response answer = client.post("createItem?name=" + JenkinsClient.encode(name), "application/xml", configXml);
        if (answer.status() != 200) {
            throw new IOException("createItem " + name + ": " + answer.status() + " " + JenkinsClient.firstLine(answer.body()));
        }
    }

    /** Queues a build and waits until it has started; returns it. */
    public Build build(String job) throws IOException, InterruptedException {
        JenkinsClient.Response answer = client.post("job/" + JenkinsClient.encode(job) + "/build?delay=0sec", Map.of());
        if (answer.status() != 201) {
            throw new IOException("build " + job + ": " + answer.status() + " " + JenkinsClient.firstLine(answer.body()));
        }
        String queueItem = answer.location().orElseThrow().replaceFirst("^.*?/queue/", "queue/");
        int number = Waits.value(Waits.DEFAULT, () -> "the build of " + job + " leaves the queue", () -> {
            JsonNode executable = client.json(queueItem + "api/json").path("executable");
            return executable.has("number") ? Optional.of(executable.path("number").asInt()) : Optional.empty();
        });
        return new Build(job, number);
    }

    public String console(Build build) throws IOException, InterruptedException {
        JenkinsClient.Response answer = client.get(build.url() + "consoleText");
        if (answer.status() != 200) {
            throw new IOException("console of " + build + ": " + answer.status());
        }
        return answer.body();
    }

    /** Waits until the console contains {@code text}; returns the console. */
    public String waitForConsole(Build build, String text) throws InterruptedException {
        return waitForConsole(build, text, Waits.DEFAULT);
    }

    public String waitForConsole(Build build, String text, Duration deadline) throws InterruptedException {
        String[] last = {""};
        return Waits.value(deadline, () -> "'" + text + "' in the console of " + build + ":\n" + last[0], () -> {
            last[0] = console(build);
            return last[0].contains(text) ? Optional.of(last[0]) : Optional.empty();
        });
    }

    /** Waits until the build is over; returns its result (SUCCESS, UNSTABLE, FAILURE, ABORTED). */
    public String waitForResult(Build build) throws InterruptedException {
        return waitForResult(build, Waits.DEFAULT);
    }

    public String waitForResult(Build build, Duration deadline) throws InterruptedException {
        return Waits.value(deadline, () -> build + " finishes", () -> {
            JsonNode state = client.json(build.url() + "api/json?tree=building,result");
            return state.path("building").asBoolean(true) || state.path("result").isNull()
                    ? Optional.empty() : Optional.of(state.path("result").asText());
        });
    }

    /** Aborts a running build as the Stop button does. */
    public void abort(Build build) throws IOException, InterruptedException {
        JenkinsClient.Response answer = client.post(build.url() + "stop", Map.of());
        if (answer.status() != 302 && answer.status() != 200) {
            throw new IOException("stop " + build + ": " + answer.status());
        }
    }

    static String xmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
