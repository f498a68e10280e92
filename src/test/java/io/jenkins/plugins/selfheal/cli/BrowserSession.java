package io.jenkins.plugins.selfheal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol, for what a DOM dump cannot tell: how the page
 * is laid out at a given width (a long word overflowing, a table wider than the window). Opens a
 * page, waits until a condition holds in it, and evaluates expressions there.
 */
public final class BrowserSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process chromium;
    private final Path profile;
    private final WebSocket socket;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    private BrowserSession(Process chromium, Path profile, WebSocket socket) {
        this.chromium = chromium;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium with a window {@code width} × {@code height} CSS pixels. */
    public static BrowserSession open(int width, int height) throws IOException, InterruptedException {
        try {
            return start(width, height);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not connect to Chromium's DevTools: " + e.getMessage(), e);
        }
    }

    private static BrowserSession start(int width, int height) throws IOException, InterruptedException,
            java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        Path profile = Files.createTempDirectory("self-heal-cdp-");
        Process chromium = new ProcessBuilder(HeadlessChromium.BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (System.nanoTime() > end || !chromium.isAlive()) {
                chromium.destroyForcibly();
                throw new IOException("Chromium's DevTools did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                page = target.path("webSocketDebuggerUrl").asText();
            }
        }
        if (page == null) {
            chromium.destroyForcibly();
            throw new IOException("Chromium has no page to drive: " + targets);
        }
        BrowserSession[] session = new BrowserSession[1];
        StringBuilder partial = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        session[0].messages.add(JSON.readTree(partial.toString()));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        session[0] = new BrowserSession(chromium, profile, socket);
        return session[0];
    }

    /** Opens {@code url} and waits until {@code readyExpression} is true there (e.g. the renderer has drawn). */
    public void open(String url, String readyExpression) throws IOException, InterruptedException {
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!evaluate(readyExpression).asBoolean(false)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not ready within 2 minutes: " + readyExpression + " on " + url);
            }
            Thread.sleep(200);
        }
    }

    /** The value of a JavaScript expression in the page (JSON-compatible values only). */
    public JsonNode evaluate(String expression) throws IOException, InterruptedException {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            return JSON.nullNode();
        }
        return result.path("result").path("value");
    }

    private JsonNode call(String method, JsonNode params) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        var message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).join();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            JsonNode answer = messages.poll(1, TimeUnit.SECONDS);
            if (answer != null && answer.path("id").asInt() == id) {
                if (answer.has("error")) {
                    throw new IOException(method + ": " + answer.path("error"));
                }
                return answer.path("result");
            }
        }
        throw new IOException(method + ": no answer from Chromium within 60 s");
    }

    @Override
    public void close() {
        socket.abort();
        chromium.destroy();
        try {
            if (!chromium.waitFor(20, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
        } catch (InterruptedException e) {
            chromium.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a helper process may still hold a file: left in the temp folder
        }
    }
}
