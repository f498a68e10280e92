package org.kohsuke.stapler;

/** Declaration of Stapler {@code org.kohsuke.stapler.HttpResponses} (compile-only, never packaged). */
public class HttpResponses {
    public HttpResponses() {
    }

    public static HttpResponseException error(int code, String errorMessage) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    /** An error page holding only {@code errorMessage} as plain text (no stack trace, unlike {@link #error(int, String)}). */
    public static HttpResponseException errorWithoutStack(int code, String errorMessage) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static HttpRedirect redirectTo(String url) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    /** {@code org.kohsuke.stapler.HttpResponses$HttpResponseException}. */
    public abstract static class HttpResponseException extends RuntimeException implements HttpResponse {
        public HttpResponseException() {
        }
    }
}
