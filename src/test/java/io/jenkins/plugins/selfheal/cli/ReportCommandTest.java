package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.view.ViewDocument;
import io.jenkins.plugins.selfheal.engine.view.ViewDocumentBuilder;
import io.jenkins.plugins.selfheal.engine.view.ViewJson;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The report command and its page, without a browser. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SelfHealCli.commandLine(java.io.InputStream.nullInputStream(), false);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesOneSelfContainedPageWithTheViewDocumentEmbedded() throws Exception {
        Path policy = ReportFixtures.hostilePolicy(dir);
        Path report = dir.resolve("out/report.html");

        assertThat(run("report", "--policy", policy.toString(), "--out", report.toString())).isZero();

        assertThat(out.toString()).contains("wrote " + report, "1 states, 2 episodes");
        Document page = Jsoup.parse(report.toFile(), "UTF-8");
        assertThat(page.select("div.self-heal-view").attr("data-json-id")).isEqualTo(ReportPage.DATA_ID);
        assertThat(page.select("script[src], link[href], img[src]")).as("nothing loaded from elsewhere").isEmpty();
        assertThat(page.select("style").html()).contains(".self-heal-view .sh-qtable");
        assertThat(page.select("script:not([type])").html()).contains("function render(container, doc)");
        String data = page.getElementById(ReportPage.DATA_ID).data();
        PolicyStore store = ReportFixtures.store(policy);
        ViewDocument expected = new ViewDocumentBuilder().build(store.read(), store.readLog());
        assertThat(ViewJson.read(data.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void embeddedDataCannotCloseItsScriptElement() throws Exception {
        Path report = dir.resolve("report.html");
        run("report", "--policy", ReportFixtures.hostilePolicy(dir).toString(), "--out", report.toString());

        String html = Files.readString(report);
        String opening = "<script type=\"application/json\" id=\"" + ReportPage.DATA_ID + "\">";
        int start = html.indexOf(opening) + opening.length();
        String block = html.substring(start, html.indexOf("</script>", start));

        assertThat(block).contains("alert(1)").doesNotContain("<", ">", "&").doesNotContainIgnoringCase("</script");
        assertThat(block).contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E");
        assertThat(block).doesNotContain("javascript:").contains(ReportFixtures.BUILD_LINK);
        assertThat(Jsoup.parse(html).select("script")).as("only the data block and the renderer's two files").hasSize(3);
    }

    @Test
    void anEmptyPolicyGivesAReportToo() throws Exception {
        Path report = dir.resolve("report.html");

        assertThat(run("report", "--policy", ReportFixtures.emptyPolicy(dir).toString(), "--out", report.toString())).isZero();

        assertThat(out.toString()).contains("0 states, 0 episodes");
        assertThat(Files.readString(report)).contains("\"states\":[]", "\"recent\":[]");
    }

    @Test
    void aMissingPolicyIsBadInputWithAClearMessage() {
        Path report = dir.resolve("report.html");

        int code = run("report", "--policy", dir.resolve("nope.json").toString(), "--out", report.toString());

        assertThat(code).isEqualTo(SelfHealCli.BAD_INPUT);
        assertThat(err.toString()).contains("--policy: file not found:", "nope.json");
        assertThat(report).doesNotExist();
    }

    @Test
    void outIsRequired() {
        assertThat(run("report", "--policy", "x.json")).isEqualTo(SelfHealCli.BAD_INPUT);
        assertThat(err.toString()).contains("Missing required option: '--out=FILE'");
    }
}
