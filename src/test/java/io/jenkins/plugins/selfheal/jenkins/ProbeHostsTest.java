package io.jenkins.plugins.selfheal.jenkins;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeHostsTest {
    @Test
    void nothingIsAllowedByDefault() {
        assertThat(ProbeHosts.parse("").allows(URI.create("http://127.0.0.1/health"))).isFalse();
        assertThat(ProbeHosts.parse(null).allows(URI.create("http://localhost/health"))).isFalse();
    }

    @Test
    void listedHostsAndSubdomainPatternsAreAllowedOthersNot() {
        ProbeHosts hosts = ProbeHosts.parse(" Staging.Example.com, *.svc.internal\n127.0.0.1 ");
        assertThat(hosts.hosts()).containsExactly("staging.example.com", "*.svc.internal", "127.0.0.1");
        assertThat(hosts.allows(URI.create("https://staging.example.com/health"))).isTrue();
        assertThat(hosts.allows(URI.create("http://api.svc.internal:8080/h"))).isTrue();
        assertThat(hosts.allows(URI.create("http://127.0.0.1:9/h"))).isTrue();
        assertThat(hosts.allows(URI.create("http://svc.internal/h"))).as("the pattern is for hosts below it").isFalse();
        assertThat(hosts.allows(URI.create("http://staging.example.com.evil.org/h"))).isFalse();
        assertThat(hosts.allows(URI.create("http://169.254.169.254/latest/meta-data"))).isFalse();
    }
}
