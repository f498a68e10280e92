package io.jenkins.plugins.selfheal.engine.view;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.jenkins.plugins.selfheal.engine.view.ViewFixtures.episode;
import static io.jenkins.plugins.selfheal.engine.view.ViewFixtures.policy;
import static io.jenkins.plugins.selfheal.engine.view.ViewFixtures.visited;
import static org.assertj.core.api.Assertions.assertThat;

class ViewJsonTest {
    static final String HOSTILE = "<script>alert(1)</script> \"quoted\" 'single' & </script><!-- \u2028\u2029 é";

    private ViewDocument hostileDocument() {
        QTable table = new QTable();
        table.put(HOSTILE, ActionKind.RETRY_DEPLOYMENT, visited(1, 1));
        return new ViewDocumentBuilder().build(policy(table, 1),
                List.of(episode(1, HOSTILE, "retry_deployment", "healed", "accepted", 3, 5L, "javascript:alert(1)")));
    }

    @Test
    void hostileNamesSurviveTheRoundTrip() throws Exception {
        ViewDocument doc = hostileDocument();

        ViewDocument plain = ViewJson.read(ViewJson.write(doc));
        ViewDocument html = ViewJson.read(ViewJson.writeForHtml(doc).getBytes(StandardCharsets.UTF_8));

        assertThat(plain).isEqualTo(doc);
        assertThat(html).isEqualTo(doc);
        assertThat(html.states().get(0).state()).isEqualTo(HOSTILE);
    }

    @Test
    void htmlEmbeddedJsonHasNoMarkupCharactersOrLineSeparators() {
        String json = ViewJson.writeForHtml(hostileDocument());

        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029").doesNotContainIgnoringCase("</script");
        assertThat(json).contains("\\u003Cscript\\u003E", "\\u2028", "\\u2029", "\\\"quoted\\\"");
    }

    @Test
    void javascriptLinksNeverReachTheDocument() {
        assertThat(hostileDocument().recent()).singleElement().satisfies(r -> assertThat(r.link()).isNull());
    }

    @Test
    void fieldNamesFollowTheDocumentedShape() {
        String json = new String(ViewJson.write(new ViewDocumentBuilder().build(policy(new QTable(), 0), List.of())),
                StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"format\":\"self-heal-view\",\"version\":2,\"policy\":{\"key\":\"job/demo\"")
                .contains("\"actions\":[\"retry_deployment\",", "\"states\":[]", "\"recent\":[]",
                        "\"history\":{\"total\":0,\"episodes\":[],\"series\":{\"window\":10,",
                        "\"counts\":{\"healthy\":0,\"healed\":0,\"failed\":0,\"escalated\":0,\"recommended\":0}",
                        "\"bucketWidth\":1,\"buckets\":[]",
                        "\"breakdown\":{\"up\":0,\"down\":0,\"failures\":{},\"actions\":[{\"action\":\"retry_deployment\",\"tried\":0,\"healed\":0},");
    }
}
