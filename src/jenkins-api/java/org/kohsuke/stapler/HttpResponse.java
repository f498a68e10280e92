package org.kohsuke.stapler;

/** Declaration of Stapler {@code org.kohsuke.stapler.HttpResponse} (compile-only, never packaged). */
public interface HttpResponse {
}
