package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declaration of Stapler {@code org.kohsuke.stapler.interceptor.RequirePOST} (compile-only, never packaged).
 * RUNTIME retention is essential (without it GET requests are silently accepted). The real one is also
 * meta-annotated {@code @InterceptorAnnotation(RequirePOST.Processor.class)}; that only matters at run
 * time, where the real class is used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface RequirePOST {
}
