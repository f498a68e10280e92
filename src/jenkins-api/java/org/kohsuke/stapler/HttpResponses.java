package org.kohsuke.stapler;

/** Declaration of Stapler {@code org.kohsuke.stapler.HttpResponses} (compile-only, never packaged). */
public class HttpResponses {
    public HttpResponses() {
    }

    public static HttpResponseException error(int code, String errorMessage) {
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
