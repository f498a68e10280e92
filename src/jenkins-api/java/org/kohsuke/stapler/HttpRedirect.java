package org.kohsuke.stapler;

/** Declaration of Stapler {@code org.kohsuke.stapler.HttpRedirect} (compile-only, never packaged). */
public final class HttpRedirect extends RuntimeException implements HttpResponse {
    public HttpRedirect(String url) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
