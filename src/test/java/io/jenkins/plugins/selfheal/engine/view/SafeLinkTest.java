package io.jenkins.plugins.selfheal.engine.view;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeLinkTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://ci.example.com/job/demo/42/", "http://localhost:8080/job/a/1/", "HTTPS://CI/x",
            "/job/demo/42/", "job/demo/42/", "42/console", "../41/"})
    void keepsHttpAndRelativeLinks(String link) {
        assertThat(SafeLink.orNull(link)).isEqualTo(link);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example.com/x", "\\\\evil.example.com",
            "/\\evil.example.com", "file:///etc/passwd", "", "https://ok/\u0000"})
    void dropsEverythingElse(String link) {
        assertThat(SafeLink.orNull(link)).isNull();
    }
}
