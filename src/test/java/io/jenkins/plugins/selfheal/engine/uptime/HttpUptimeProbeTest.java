package io.jenkins.plugins.selfheal.engine.uptime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpUptimeProbeTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    /** For requests that must be answered: generous, so a loaded machine does not time them out. */
    private static final Duration PATIENT = Duration.ofSeconds(10);

    private HttpServer server;
    private ExecutorService executor;
    private final CountDownLatch releaseSlowHandlers = new CountDownLatch(1);
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(); // a slow handler must not block the next request
        server.setExecutor(executor);
        server.createContext("/ok", exchange -> answer(exchange, 200));
        server.createContext("/error", exchange -> answer(exchange, 500));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            answer(exchange, 302);
        });
        server.createContext("/hangup", exchange -> exchange.close()); // no status line at all
        server.createContext("/slow", exchange -> {
            try {
                releaseSlowHandlers.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        releaseSlowHandlers.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange, int status) throws IOException {
        hits.incrementAndGet();
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Answers the given statuses in turn, one per request. */
    private void script(String path, int... statuses) {
        AtomicInteger next = new AtomicInteger();
        server.createContext(path, exchange -> answer(exchange, statuses[next.getAndIncrement() % statuses.length]));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private HttpUptimeProbe probe(String url, int requests) {
        return new HttpUptimeProbe(url, PATIENT, url.endsWith("/slow") ? SHORT : PATIENT, requests);
    }

    @Test
    void healthyServiceIsUpWithOneLatencyPerRequest() throws Exception {
        UptimeReading reading = probe(url("/ok"), 5).probe();

        assertThat(reading.status()).isEqualTo(UptimeStatus.UP);
        assertThat(reading.latencies()).hasSize(5).allSatisfy(d -> assertThat(d).isPositive());
        assertThat(reading.detail()).matches("5/5 answered HTTP 200 from " + url("/ok") + ", p95 \\d+ ms");
        assertThat(hits).hasValue(5);
    }

    @Test
    void serverErrorsAreDownButStillMeasured() throws Exception {
        UptimeReading reading = probe(url("/error"), 1).probe();

        assertThat(reading.status()).isEqualTo(UptimeStatus.DOWN);
        assertThat(reading.latencies()).hasSize(1);
        assertThat(reading.detail()).startsWith("1/1 answered HTTP 500 from " + url("/error"));
    }

    @Test
    void aRedirectIsAnAnswerAndIsNeverFollowed() throws Exception {
        UptimeReading reading = probe(url("/moved"), 1).probe();

        assertThat(reading.isUp()).isTrue();
        assertThat(reading.detail()).startsWith("1/1 answered HTTP 30");
        assertThat(hits).as("requests the server got: the redirect's target was not asked").hasValue(1);
    }

    @Test
    void aFailureIsReportedByItsKindNeverByAnExceptionsText() throws Exception {
        UptimeReading reading = probe(url("/hangup"), 1).probe();

        assertThat(reading.isUp()).isFalse();
        assertThat(reading.detail()).isEqualTo("no HTTP answer: " + url("/hangup"));
    }

    @Test
    void majorityOfHealthyAnswersIsUp() throws Exception {
        script("/flaky", 200, 500, 200, 500, 200);

        UptimeReading reading = probe(url("/flaky"), 5).probe();

        assertThat(reading.status()).isEqualTo(UptimeStatus.UP);
        assertThat(reading.latencies()).hasSize(5);
        assertThat(reading.detail()).startsWith("5/5 answered (HTTP 200 ×3, HTTP 500 ×2) from ");
    }

    @Test
    void halfHealthyIsNotAMajority() throws Exception {
        script("/half", 200, 500, 200, 500);

        assertThat(probe(url("/half"), 4).probe().status()).isEqualTo(UptimeStatus.DOWN);
    }

    @Test
    void stopsOnceAMajorityIsNoLongerPossible() throws Exception {
        script("/failing", 500, 500, 500, 200, 200);

        UptimeReading reading = probe(url("/failing"), 5).probe();

        assertThat(reading.status()).isEqualTo(UptimeStatus.DOWN);
        assertThat(hits).hasValue(3);
        assertThat(reading.detail()).endsWith("; stopped after 3 of 5 requests, no majority possible");
    }

    @Test
    void slowServiceTimesOut() throws Exception {
        UptimeReading reading = probe(url("/slow"), 1).probe();

        assertThat(reading.status()).isEqualTo(UptimeStatus.DOWN);
        assertThat(reading.latencies()).isEmpty();
        assertThat(reading.detail()).isEqualTo("timed out after 300 ms: " + url("/slow"));
    }

    @Test
    void closedPortIsConnectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String closed = "http://127.0.0.1:" + closedPort + "/health";

        UptimeReading reading = probe(closed, 1).probe();

        assertThat(reading.status()).isEqualTo(UptimeStatus.DOWN);
        assertThat(reading.latencies()).isEmpty();
        assertThat(reading.detail()).isEqualTo("connection refused: " + closed);
    }

    @Test
    void latenciesComeFromTheInjectedTimeSource() throws Exception {
        // start/end pairs: 10, 30, 5, 40, 12 ms
        long[] ticks = {0, 10, 100, 130, 200, 205, 300, 340, 400, 412};
        AtomicInteger call = new AtomicInteger();
        HttpUptimeProbe probe = new HttpUptimeProbe(url("/ok"), PATIENT, PATIENT, 5,
                () -> TimeUnit.MILLISECONDS.toNanos(ticks[call.getAndIncrement()]));

        UptimeReading reading = probe.probe();

        assertThat(reading.latencies()).containsExactly(Duration.ofMillis(10), Duration.ofMillis(30),
                Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofMillis(12));
        assertThat(reading.detail()).isEqualTo("5/5 answered HTTP 200 from " + url("/ok") + ", p95 40 ms");
    }

    @Test
    void rejectsUrlsThatAreNotHttp() {
        for (String bad : List.of("ftp://127.0.0.1/health", "127.0.0.1:8080/health", "http://", "http://a b/")) {
            assertThatThrownBy(() -> new HttpUptimeProbe(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("healthUrl");
        }
        assertThatThrownBy(() -> new HttpUptimeProbe(" ")).hasMessage("healthUrl must not be empty");
        assertThatThrownBy(() -> new HttpUptimeProbe(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> new HttpUptimeProbe(url("/ok"), SHORT, SHORT, 0))
                .hasMessageContaining("requests");
        assertThatThrownBy(() -> new HttpUptimeProbe(url("/ok"), Duration.ZERO, SHORT, 1))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new HttpUptimeProbe(url("/ok"), SHORT, Duration.ofMillis(-1), 1))
                .hasMessageContaining("requestTimeout");
    }

    @Test
    void acceptsHttpsAndUpperCaseScheme() {
        assertThat(new HttpUptimeProbe("HTTPS://127.0.0.1:8443/health").healthUrl().getPort()).isEqualTo(8443);
    }
}
