package io.jenkins.plugins.selfheal.engine.view;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Links the view may show: http(s) URLs and relative paths. Anything else ({@code javascript:},
 * {@code data:}, protocol-relative {@code //host}, backslashes browsers read as slashes, spaces or
 * control characters browsers strip before reading the scheme) is dropped.
 */
final class SafeLink {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern UNSAFE_CHARACTERS = Pattern.compile("[\\p{Cntrl}\\s\\\\]");

    private SafeLink() {
    }

    static String orNull(String link) {
        if (link == null || link.isEmpty() || UNSAFE_CHARACTERS.matcher(link).find() || link.startsWith("//")) {
            return null;
        }
        if (!SCHEME.matcher(link).find()) {
            return link; // relative: stays on the page's own origin
        }
        String lower = link.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? link : null;
    }
}
