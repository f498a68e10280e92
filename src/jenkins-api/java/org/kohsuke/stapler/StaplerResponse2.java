package org.kohsuke.stapler;

/** Declaration of stapler {@code org.kohsuke.stapler.StaplerResponse2} (compile-only, never packaged). */
public interface StaplerResponse2 extends jakarta.servlet.http.HttpServletResponse {
}
