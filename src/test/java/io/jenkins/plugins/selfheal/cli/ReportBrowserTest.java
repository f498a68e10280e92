package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.view.ViewDocument;
import io.jenkins.plugins.selfheal.engine.view.ViewFixtures;
import io.jenkins.plugins.selfheal.engine.view.ViewDocumentBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report as a browser draws it: headless Chromium runs the inlined renderer and the test reads
 * the resulting DOM. Screenshots land in target/screenshots/; with REGENERATE_SCREENSHOT=1 (environment
 * or system property) the seed one also replaces docs/q-table.png, the README's picture.
 */
class ReportBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path dir;

    @BeforeEach
    void needsChromium() {
        assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
    }

    @Test
    void seedQTableShowsTheNumbersAndOutlinesTheBestActions() throws Exception {
        Path policy = ReportFixtures.seedPolicy(dir);
        Path report = report(policy);
        ViewDocument expected = document(policy);

        Elements rows = rendered(report).select(".sh-qtable tbody tr");

        assertThat(rows).hasSize(8);
        for (int r = 0; r < rows.size(); r++) {
            ViewDocument.StateRow row = expected.states().get(r);
            assertThat(rows.get(r).selectFirst(".sh-state").text()).isEqualTo(row.state());
            Elements cells = rows.get(r).select("td.sh-cell");
            for (int c = 0; c < cells.size(); c++) {
                ViewDocument.Cell cell = row.cells().get(c);
                assertThat(cells.get(c).selectFirst(".sh-q").text()).as(row.state() + " " + expected.actions().get(c))
                        .isEqualTo(cell.unvisited() && !cell.imported() && cell.q() == 0 ? "–" : twoDecimals(cell.q()));
                assertThat(cells.get(c).hasClass("sh-greedy")).isEqualTo(cell.greedy());
                assertThat(cells.get(c).hasClass("sh-unvisited")).isEqualTo(cell.unvisited() && !cell.imported());
            }
        }
        Element latencyDown = rows.get(3).select("td.sh-cell").get(2); // the seed's 0.5700000000000001
        assertThat(latencyDown.text()).startsWith("0.57");
        assertThat(latencyDown.hasClass("sh-greedy")).isTrue();
        assertThat(latencyDown.attr("title")).contains("Q = 0.5700000000000001", "visits: 0",
                "last update: imported, no episode since");
        // the original's 0.0 is a learned value: a number, not the "–" of a cell nothing has set
        Element anomalyScore = rows.get(4).select("td.sh-cell").get(0);
        assertThat(anomalyScore.selectFirst(".sh-q").text()).isEqualTo("0.00");
        assertThat(anomalyScore.hasClass("sh-unvisited")).isFalse();
        assertThat(rows.get(1).select("td.sh-cell").get(0).hasClass("sh-greedy")).as("retry after 6 accepted heals").isTrue();

        Path png = SCREENSHOTS.resolve("seed-qtable.png");
        HeadlessChromium.screenshot(report, png);
        if ("1".equals(System.getenv("REGENERATE_SCREENSHOT")) || "1".equals(System.getProperty("REGENERATE_SCREENSHOT"))) {
            Files.createDirectories(Path.of("docs"));
            Files.copy(png, Path.of("docs/q-table.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aThousandStatesAndTenThousandEpisodesAllRender() throws Exception {
        Path report = report(ReportFixtures.largePolicy(dir));

        long start = System.nanoTime();
        Document dom = rendered(report);
        long millis = (System.nanoTime() - start) / 1_000_000;

        Elements rows = dom.select(".sh-qtable tbody tr");
        assertThat(rows).hasSize(1000).allSatisfy(row -> assertThat(row.select("td.sh-greedy")).hasSize(1));
        assertThat(rows.first().select("td.sh-cell")).hasSize(5);
        assertThat(dom.selectFirst(".sh-count").text()).isEqualTo("1000 of 1000 states");
        assertThat(dom.select(".sh-history .sh-chart")).hasSize(3);
        assertThat(dom.select(".sh-dashboard .sh-chart")).hasSize(5);
        // 10,000 episodes are drawn from at most 128 buckets: a mean line with its spread as a band
        assertThat(dom.selectFirst(".sh-bucket-note").text()).startsWith("Charts show all 10000 episodes in ");
        assertThat(dom.select(".sh-history .sh-line.sh-average").first().attr("d")).startsWith("M").contains("L");
        assertThat(dom.select(".sh-history .sh-line.sh-average").first().attr("d").split("L").length).isLessThanOrEqualTo(128);
        assertThat(dom.select(".sh-history .sh-band")).hasSize(1);
        assertThat(dom.select(".sh-badge-count").eachText()).containsExactly("5000", "2500", "2500", "0", "0");
        assertThat(dom.select(".sh-recent-table tbody tr")).hasSize(20);
        System.out.println("[browser] 1,000 x 5 table, 10,000 episodes: render " + dom.select(".self-heal-view").attr("data-render-ms")
                + " ms in the page; Chromium start + load + render + dump " + millis + " ms");
        HeadlessChromium.screenshot(report, SCREENSHOTS.resolve("large-qtable.png"));
    }

    @Test
    void sortAndFilterButtonsReorderAndNarrowTheRows() throws Exception {
        Path policy = ReportFixtures.gridPolicy(dir.resolve("grid.json"), 120, 40);
        Path report = report(policy);
        // A page script standing in for the user: click "Most visited", then type "_00" in the filter box.
        // It waits for the view to be rendered: this script runs while the page is parsed, before the renderer.
        String html = Files.readString(report).replace("</body>", "<script>(function act() {"
                + "var sort = document.querySelector('.sh-sort[data-sort=visits]');"
                + "if (!sort) { setTimeout(act, 10); return; }"
                + "sort.click();"
                + "var box = document.querySelector('.sh-filter'); box.value = '_00';"
                + "box.dispatchEvent(new Event('input')); })();</script></body>");
        Files.writeString(report, html);
        List<ViewDocument.StateRow> expected = document(policy).states().stream()
                .filter(r -> r.state().contains("_00"))
                .sorted(Comparator.comparingLong(ViewDocument.StateRow::visits).reversed()).toList();

        Document dom = rendered(report);

        assertThat(dom.select(".sh-qtable tbody .sh-state").eachText())
                .containsExactlyElementsOf(expected.stream().map(ViewDocument.StateRow::state).toList());
        assertThat(dom.selectFirst(".sh-count").text()).isEqualTo("100 of 120 states");
        assertThat(dom.selectFirst(".sh-sort[data-sort=visits]").attr("aria-pressed")).isEqualTo("true");
        assertThat(dom.selectFirst(".sh-sort[data-sort=table]").attr("aria-pressed")).isEqualTo("false");
    }

    @Test
    void hostileStateNamesAreShownAsTextAndBadLinksDropped() throws Exception {
        Path report = report(ReportFixtures.hostilePolicy(dir));

        String raw = HeadlessChromium.dumpDom(report);
        Document dom = Jsoup.parse(raw);

        assertThat(dom.selectFirst(".sh-qtable .sh-state").text()).isEqualTo(ReportFixtures.HOSTILE);
        assertThat(dom.select(".sh-recent-table tbody td:eq(1)").eachText()).containsOnly(ReportFixtures.HOSTILE);
        assertThat(raw).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(dom.select(".self-heal-view script, .self-heal-view iframe, .self-heal-view img")).isEmpty();
        assertThat(dom.select("script")).as("only the data block and the renderer's two files").hasSize(3);
        assertThat(dom.select(".self-heal-view a").eachAttr("href")).containsExactly(ReportFixtures.BUILD_LINK);
        assertThat(raw).doesNotContain("href=\"javascript:");
    }

    @Test
    void theOriginalDashboardsViewsShowUptimeFailuresActionsSuccessAndDeployments() throws Exception {
        Document dom = rendered(report(ReportFixtures.seedPolicy(dir)));

        Element uptime = dom.selectFirst(".sh-dashboard .sh-uptime");
        assertThat(uptime.selectFirst(".sh-big").text()).startsWith("28.6% up").contains("4 of 14 episodes");
        assertThat(uptime.select("rect.sh-down")).hasSize(10); // one per episode while each bucket holds one
        assertThat(uptime.select("rect.sh-up")).hasSize(4);
        assertThat(bars(dom, "Failures by type")).containsExactly("crash 14");
        assertThat(bars(dom, "Actions taken")).containsExactly("retry_deployment 7", "restore_previous_version 4",
                "adjust_thresholds 1", "restart_service 1", "escalate 1");
        assertThat(bars(dom, "Heal success rate per action")).containsExactly("retry_deployment 100% (7 of 7)",
                "restore_previous_version 100% (4 of 4)", "adjust_thresholds 100% (1 of 1)", "restart_service 0% (0 of 1)",
                "escalate 0% (0 of 1)");
        Element events = dom.selectFirst(".sh-dashboard .sh-events");
        assertThat(events.select("line.sh-deploy")).hasSize(14);
        assertThat(events.select(".sh-failure-mark")).hasSize(14);
        assertThat(events.select(".sh-heal-mark")).hasSize(12);
        assertThat(dom.select(".sh-no-data")).isEmpty();
        assertThat(dom.selectFirst(".sh-recent-note").text()).startsWith("The last 14 of 14 episodes")
                .contains("episode log beside the policy");
    }

    @Test
    void everyChartWithoutDataSaysSoInsteadOfDrawingEmptyAxes() throws Exception {
        Path file = dir.resolve("quiet.json");
        ReportFixtures.store(file).update(policy -> {
            for (int n = 0; n < 3; n++) {
                policy.recordEpisode(ViewFixtures.episode(n, policy.generation(), "no_failure_UP", null, "healthy", "none", 0,
                        null, null, java.util.List.of()));
            }
            return policy;
        });

        Document dom = rendered(report(file));

        assertThat(dom.select(".sh-chart-empty figcaption").eachText()).containsExactly("Acceptance rate (cumulative)",
                "Mean time to heal (cumulative)", "Actions taken", "Heal success rate per action");
        assertThat(dom.select(".sh-chart-empty svg")).isEmpty();
        assertThat(dom.select(".sh-no-data").eachText()).contains(
                "No verdicts yet: nobody has accepted, rejected or overridden a decision.",
                "No heals yet: no action has fixed a failure.", "No actions taken yet.");
    }

    @Test
    void recommendOnlyEpisodesAreCountedAndShownAsSuch() throws Exception {
        Path file = dir.resolve("advice.json");
        ReportFixtures.store(file).update(policy -> {
            for (int n = 0; n < 2; n++) {
                policy.recordEpisode(ViewFixtures.episode(n, policy.generation(), "deployment_failure_UP", "retry_deployment",
                        "recommended", "none", 0, null, null, java.util.List.of()));
            }
            return policy;
        });

        Document dom = rendered(report(file));

        Element badge = dom.selectFirst(".sh-badge.sh-outcome-recommended");
        assertThat(badge).as("a badge for recommend-only episodes").isNotNull();
        assertThat(badge.text()).isEqualTo("2 recommended");
        assertThat(dom.select(".sh-recent-table .sh-pill").eachAttr("class"))
                .containsOnly("sh-pill sh-outcome-recommended");
    }

    private static List<String> bars(Document dom, String title) {
        Element chart = dom.select(".sh-dashboard .sh-bar-chart").stream()
                .filter(c -> c.selectFirst("figcaption").text().equals(title)).findFirst().orElseThrow();
        return chart.select(".sh-bar-row").stream().map(r -> String.join(" ", r.children().eachText())).toList();
    }

    @Test
    void aCliReportIsTitledByItsPolicyFileAndHasNoBuildColumn() throws Exception {
        CliRun run = new CliRun(dir).run("y\n", "--fail-type", "crash", "--seed", "1");
        Path report = report(run.policy());

        Document dom = rendered(report);

        assertThat(dom.selectFirst(".sh-policy-key").text()).isEqualTo("Self-Heal simulation: " + run.policy());
        assertThat(dom.title()).isEqualTo("Self-Heal simulation: " + run.policy());
        assertThat(dom.select(".sh-recent-table th").eachText()).doesNotContain("Build").contains("Reward");
        assertThat(dom.select(".sh-recent-table tbody tr").first().select("td")).hasSize(7);
    }

    @Test
    void anEmptyPolicySaysNoDecisionsYet() throws Exception {
        Document dom = rendered(report(ReportFixtures.emptyPolicy(dir)));

        assertThat(dom.selectFirst(".sh-empty").text()).isEqualTo("No decisions yet: run a build with selfHeal");
        assertThat(dom.select(".sh-qtable, .sh-chart")).isEmpty();
    }

    private Path report(Path policy) {
        Path report = dir.resolve(policy.getFileName() + ".html");
        assertThat(SelfHealCli.commandLine(java.io.InputStream.nullInputStream(), false).execute("report", "--policy", policy.toString(), "--out", report.toString()))
                .isZero();
        return report;
    }

    private static Document rendered(Path report) throws Exception {
        Document dom = Jsoup.parse(HeadlessChromium.dumpDom(report));
        assertThat(dom.select(".self-heal-view").attr("data-rendered")).as("the renderer ran").isEqualTo("true");
        return dom;
    }

    private static ViewDocument document(Path policy) throws Exception {
        PolicyStore store = ReportFixtures.store(policy);
        return new ViewDocumentBuilder().build(store.read(), store.readLog());
    }

    /** What JavaScript's toFixed(2) shows: the exact binary value rounded half up, without "-0.00". */
    private static String twoDecimals(double value) {
        String text = new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return text.equals("-0.00") ? "0.00" : text;
    }
}
