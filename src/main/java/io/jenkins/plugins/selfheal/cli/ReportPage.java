package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.view.ViewDocument;
import io.jenkins.plugins.selfheal.engine.view.ViewJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The self-contained HTML report: the renderer's CSS and JS (the same files Jenkins serves from
 * {@code src/main/webapp}, packaged under {@code webapp/}) inlined, and the view document embedded
 * as a JSON data block the script reads by id. Opens from disk with no network.
 */
final class ReportPage {
    static final String DATA_ID = "self-heal-data";
    /** In this order: the charts register themselves before the view draws with them. */
    private static final String[] SCRIPTS = {"webapp/js/self-heal-charts.js", "webapp/js/self-heal-view.js"};
    private static final String STYLE = "webapp/css/self-heal-view.css";

    private ReportPage() {
    }

    /** @param name the policy as the person named it (its file), for the title */
    static String html(ViewDocument document, String name) {
        String title = "Self-Heal simulation: " + name;
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escapeText(title) + "</title>\n"
                + "<style>\nbody { margin: 24px; background: #fff; }\n" + inlinable(STYLE, "</style") + "</style>\n"
                + "</head>\n<body>\n"
                + "<div class=\"self-heal-view\" data-json-id=\"" + DATA_ID + "\" data-title=\"" + escapeAttribute(title)
                + "\"></div>\n"
                // HTML-safe JSON: no '<' in it, so the data cannot close this element.
                + "<script type=\"application/json\" id=\"" + DATA_ID + "\">" + ViewJson.writeForHtml(document) + "</script>\n"
                + java.util.Arrays.stream(SCRIPTS).map(script -> "<script>\n" + inlinable(script, "</script", "<script", "<!--")
                        + "</script>\n").collect(java.util.stream.Collectors.joining())
                + "</body>\n</html>\n";
    }

    /**
     * A packaged file's text, refused if it could end the element it is inlined into (or, for a script,
     * switch the HTML parser into its escaped states).
     */
    private static String inlinable(String resource, String... forbidden) {
        String text = resource(resource);
        String lower = text.toLowerCase(Locale.ROOT);
        for (String sequence : forbidden) {
            if (lower.contains(sequence)) {
                throw new IllegalStateException(resource + " contains " + sequence + " and cannot be inlined");
            }
        }
        return text;
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath (is src/main/webapp packaged?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeAttribute(String text) {
        return escapeText(text).replace("\"", "&quot;");
    }

    private static String escapeText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
