package io.jenkins.plugins.selfheal.jenkins;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The hosts an administrator allows the controller itself to probe (global configuration): none by
 * default. A health probe runs on the build's agent; only a build without one (a {@code selfHeal}
 * outside {@code node}) may probe from the controller, and only these hosts. Jenkins-free.
 *
 * @param hosts host names, lower case; {@code *.example.com} allows every host below example.com
 */
record ProbeHosts(List<String> hosts) {
    ProbeHosts {
        hosts = List.copyOf(hosts);
    }

    /** From the configuration's text: host names separated by spaces, commas or new lines. */
    static ProbeHosts parse(String text) {
        String list = text == null ? "" : text.strip();
        return new ProbeHosts(list.isEmpty() ? List.of() : Arrays.stream(list.split("[\\s,]+"))
                .map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }

    boolean allows(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(h -> h.startsWith("*.") ? host.endsWith(h.substring(1)) : host.equals(h));
    }
}
