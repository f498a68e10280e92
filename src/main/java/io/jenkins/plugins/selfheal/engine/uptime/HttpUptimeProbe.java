package io.jenkins.plugins.selfheal.engine.uptime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Probes a health URL with real HTTP GETs, sent one after the other.
 *
 * <p>Rule: the service is UP when a strict majority of the {@code requests} got a 2xx or 3xx status
 * (a redirect is an answer: it is never followed, so a probe cannot be sent on to another host);
 * otherwise DOWN. Requests go through the proxy of the JVM that probes (its {@code http.proxyHost}
 * settings), as other HTTP clients there do. Probing stops early once UP can no longer be reached, so a
 * hanging service costs 3 timeouts instead of 5. Latencies are those of the requests that got any
 * HTTP answer (also 5xx). Network errors never escape: they make the reading DOWN with the kind of
 * failure only (refused, timed out, unknown host, TLS), never an exception's text.
 */
public final class HttpUptimeProbe implements UptimeProbe {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_REQUESTS = 5;

    private final URI healthUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int requests;
    private final LongSupplier nanoTime;
    private final HttpClient client;

    public HttpUptimeProbe(String healthUrl) {
        this(healthUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_REQUESTS);
    }

    public HttpUptimeProbe(String healthUrl, Duration connectTimeout, Duration requestTimeout, int requests) {
        this(healthUrl, connectTimeout, requestTimeout, requests, System::nanoTime);
    }

    /** {@code nanoTime} measures the requests (injectable so tests can fix the latencies). */
    public HttpUptimeProbe(String healthUrl, Duration connectTimeout, Duration requestTimeout, int requests,
            LongSupplier nanoTime) {
        this.healthUrl = parseHealthUrl(healthUrl);
        this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, got " + requests);
        }
        this.requests = requests;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(java.net.ProxySelector.getDefault())
                .build();
    }

    public URI healthUrl() {
        return healthUrl;
    }

    public int requests() {
        return requests;
    }

    @Override
    public UptimeReading probe() throws InterruptedException {
        int needed = requests / 2 + 1; // strict majority
        List<Duration> latencies = new ArrayList<>();
        Map<Integer, Integer> statusCounts = new LinkedHashMap<>();
        Map<String, Integer> failureCounts = new LinkedHashMap<>();
        int healthy = 0;
        int sent = 0;
        while (sent < requests && (sent - healthy) <= requests - needed) {
            sent++;
            long start = nanoTime.getAsLong();
            try {
                int status = send();
                latencies.add(Duration.ofNanos(nanoTime.getAsLong() - start));
                statusCounts.merge(status, 1, Integer::sum);
                if (status >= 200 && status < 400) {
                    healthy++;
                }
            } catch (IOException e) {
                failureCounts.merge(describe(e), 1, Integer::sum);
            }
        }
        String detail = detail(sent, latencies, statusCounts, failureCounts);
        return healthy >= needed ? UptimeReading.up(latencies, detail) : UptimeReading.down(latencies, detail);
    }

    private int send() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(healthUrl)
                .timeout(requestTimeout)
                .header("User-Agent", "self-heal-uptime-probe")
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String detail(int sent, List<Duration> latencies, Map<Integer, Integer> statusCounts,
            Map<String, Integer> failureCounts) {
        StringBuilder text = new StringBuilder();
        if (latencies.isEmpty()) {
            text.append(counted(failureCounts)).append(": ").append(healthUrl);
        } else {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            statusCounts.forEach((code, count) -> statuses.put("HTTP " + code, count));
            String statusText = statuses.size() == 1 ? statuses.keySet().iterator().next() : "(" + counted(statuses) + ")";
            text.append(latencies.size()).append('/').append(sent).append(" answered ").append(statusText)
                    .append(" from ").append(healthUrl)
                    .append(", p95 ").append(Percentile.nearestRank(latencies, 95).toMillis()).append(" ms");
            if (!failureCounts.isEmpty()) {
                text.append("; ").append(sent - latencies.size()).append(" failed: ").append(counted(failureCounts));
            }
        }
        if (sent < requests) {
            text.append("; stopped after ").append(sent).append(" of ").append(requests)
                    .append(" requests, no majority possible");
        }
        return text.toString();
    }

    /** "a" for one kind seen once or always; "a ×2, b ×1" when kinds are mixed. */
    private static String counted(Map<String, Integer> counts) {
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
    }

    private String describe(IOException e) {
        // Connect timeout is a subclass of the request timeout: test it first.
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + format(connectTimeout);
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out after " + format(requestTimeout);
        }
        if (e instanceof ConnectException) {
            return hasCause(e, UnresolvedAddressException.class) ? "unknown host " + healthUrl.getHost()
                    : "connection refused";
        }
        if (hasCause(e, SSLException.class)) {
            return "TLS error";
        }
        return "no HTTP answer";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * The health URL checked as the probe checks it (http/https with a host), without building an
     * HTTP client: for form validation and step parameters.
     *
     * @throws IllegalArgumentException naming healthUrl when it is not acceptable
     */
    public static URI parseHealthUrl(String healthUrl) {
        if (healthUrl == null || healthUrl.isBlank()) {
            throw new IllegalArgumentException("healthUrl must not be empty");
        }
        URI uri;
        try {
            uri = new URI(healthUrl.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("healthUrl is not a valid URL: '" + healthUrl + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("healthUrl must start with http:// or https://, got '" + healthUrl + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("healthUrl has no host: '" + healthUrl + "'");
        }
        return uri;
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
