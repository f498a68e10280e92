package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declaration of Stapler {@code org.kohsuke.stapler.QueryParameter} (compile-only, never packaged).
 * The real one is also meta-annotated {@code @InjectedParameter(QueryParameter.HandlerImpl.class)};
 * that only matters at run time, where the real class is used. Members (value, required, fixEmpty)
 * are left out until needed; the parameter name comes from {@code -parameters}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface QueryParameter {
}
