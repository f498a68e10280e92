package io.jenkins.plugins.selfheal.engine.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The one writer of view documents, for both hosts: the Jenkins endpoint serves {@link #write},
 * the CLI report embeds {@link #writeForHtml} in a {@code <script type="application/json">} block.
 */
public final class ViewJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter WRITER = MAPPER.writer();
    private static final ObjectWriter HTML_SAFE_WRITER = MAPPER.writer().with(new HtmlSafeEscapes());

    private ViewJson() {
    }

    /**
     * The last view written per store, with the files' fingerprint it was read from: a long-lived store
     * (one per job in Jenkins) serves every visit from it until a file changes. Weak keys: a store nobody
     * uses any more takes its entry with it; soft values: memory pressure may drop a view, never a store.
     */
    private static final Map<PolicyStore, Cached> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private record Cached(PolicyStore.Fingerprint seen, SoftReference<byte[]> json) {
    }

    /**
     * The view document of the policy in {@code store} with its whole history, as the job page's view.json
     * serves it: the policy, the history's summary and the log after it, reused while the files are unchanged.
     */
    public static byte[] of(PolicyStore store) throws IOException {
        PolicyStore.Fingerprint now = store.fingerprint(); // before reading: a change meanwhile is seen next time
        Cached cached = CACHE.get(store);
        byte[] hit = cached != null && cached.seen().equals(now) ? cached.json().get() : null;
        if (hit != null) {
            return hit.clone();
        }
        byte[] fresh = write(new ViewDocumentBuilder().build(store.read(), store.summary()));
        CACHE.put(store, new Cached(now, new SoftReference<>(fresh)));
        return fresh.clone();
    }

    /** Plain UTF-8 JSON (served as {@code application/json}). */
    public static byte[] write(ViewDocument document) {
        try {
            return WRITER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the view document: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * JSON safe to place inside an HTML element: {@code < > &} and the line separators U+2028/2029
     * are written as {@code \\uXXXX} escapes, so data such as {@code </script>} cannot end the element
     * (or open a comment), and the text parses to the same values.
     */
    public static String writeForHtml(ViewDocument document) {
        try {
            return HTML_SAFE_WRITER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the view document: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads either form back (the escapes decode to the same strings). */
    public static ViewDocument read(byte[] json) throws IOException {
        return MAPPER.readValue(json, ViewDocument.class);
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> new SerializedString("\\u2028");
                case 0x2029 -> new SerializedString("\\u2029");
                default -> null;
            };
        }
    }
}
