package io.jenkins.plugins.selfheal.realjenkins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One visitor of a real Jenkins over HTTP, as a browser or a script drives it: its own session
 * cookie, a fresh crumb on every POST (as the page's script adds to forms), optionally logged in
 * or with an API token. Redirects are not followed, so a test sees Jenkins' own answer.
 */
public final class JenkinsClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final String url;
    private final HttpClient http;
    private final Optional<String> authorization;

    JenkinsClient(String url) {
        this(url, Optional.empty());
    }

    private JenkinsClient(String url, Optional<String> authorization) {
        this.url = url;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An answer: status, body and headers. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public Optional<String> location() {
            return headers.firstValue("Location");
        }
    }

    /** A client that authenticates every request with {@code user}'s API token (no session, no crumb needed). */
    public JenkinsClient withToken(String user, String token) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
        return new JenkinsClient(url, Optional.of("Basic " + basic));
    }

    /** Logs in through Jenkins' login form, as a person does: the session cookie carries the login. */
    public JenkinsClient login(String user, String password) throws IOException, InterruptedException {
        JenkinsClient client = new JenkinsClient(url);
        Response answer = client.post("j_spring_security_check", Map.of("j_username", user, "j_password", password, "from", "/"));
        if (answer.status() != 302 || answer.location().orElse("").contains("loginError")) {
            throw new AssertionError("login of " + user + " refused: " + answer.status() + " " + answer.location().orElse(""));
        }
        return client;
    }

    public String url() {
        return url;
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** The status of a GET, or -1 when nothing answers (yet). */
    int statusOf(String path) {
        try {
            return get(path).status();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public JsonNode json(String path) throws IOException, InterruptedException {
        Response answer = get(path);
        if (answer.status() != 200) {
            throw new IOException("GET " + path + ": " + answer.status() + " " + firstLine(answer.body()));
        }
        return JSON.readTree(answer.body());
    }

    /** A page parsed as the browser would see its HTML (scripts not run). */
    public Document page(String path) throws IOException, InterruptedException {
        Response answer = get(path);
        if (answer.status() != 200) {
            throw new IOException("GET " + path + ": " + answer.status() + " " + firstLine(answer.body()));
        }
        return Jsoup.parse(answer.body(), url + path);
    }

    /** The forms of a page, by their {@code name} attribute. */
    public List<PageForm> forms(String path) throws IOException, InterruptedException {
        return PageForm.all(page(path));
    }

    /** Submits a form as a browser would, with {@code changes} applied to its fields (e.g. a choice in a select). */
    public Response submit(PageForm form, Map<String, String> changes) throws IOException, InterruptedException {
        return post(form.action().substring(url.length()), form.fieldsWith(changes));
    }

    /** POSTs form fields with a fresh crumb of this session. */
    public Response post(String path, Map<String, String> form) throws IOException, InterruptedException {
        Map<String, String> fields = new java.util.LinkedHashMap<>(form);
        crumb().ifPresent(c -> fields.put(c[0], c[1]));
        return postWithoutCrumb(path, fields);
    }

    /** POSTs form fields as a forged cross-site form would: the session's cookie, no crumb. */
    public Response postWithoutCrumb(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POSTs a body (e.g. a job's config.xml) with a fresh crumb in the header. */
    public Response post(String path, String contentType, String body) throws IOException, InterruptedException {
        return post(path, contentType, body, Map.of());
    }

    /** POSTs a body with extra headers (e.g. the {@code Crumb} of a Stapler JavaScript proxy) and the session's crumb. */
    public Response post(String path, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).header("Content-Type", contentType);
        headers.forEach(builder::header);
        crumb().ifPresent(c -> builder.header(c[0], c[1]));
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Runs Groovy in the script console (needs Administer) and returns what it printed. */
    public String script(String groovy) throws IOException, InterruptedException {
        Response answer = post("scriptText", Map.of("script", groovy));
        if (answer.status() != 200) {
            throw new IOException("script console: " + answer.status() + " " + firstLine(answer.body()));
        }
        return answer.body();
    }

    /** The crumb field and value for this session; none where the crumb issuer is not reachable. */
    private Optional<String[]> crumb() throws IOException, InterruptedException {
        Response answer = get("crumbIssuer/api/json");
        if (answer.status() != 200) {
            return Optional.empty();
        }
        JsonNode crumb = JSON.readTree(answer.body());
        return Optional.of(new String[] {crumb.path("crumbRequestField").asText(), crumb.path("crumb").asText()});
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
        authorization.ifPresent(a -> builder.header("Authorization", a));
        return builder;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(answer.statusCode(), answer.body(), answer.headers());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String firstLine(String body) {
        String trimmed = body == null ? "" : body.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }
}
