package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

/** Declaration of Stapler {@code org.kohsuke.stapler.StaplerRequest2} (compile-only, never packaged). */
public interface StaplerRequest2 extends HttpServletRequest {
    void bindJSON(Object bean, JSONObject src);
}
