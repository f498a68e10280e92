package org.kohsuke.stapler.export;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declaration of stapler {@code org.kohsuke.stapler.export.ExportedBean} (compile-only, never packaged). */
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Target(ElementType.TYPE)
@org.jvnet.hudson.annotation_indexer.Indexed
public @interface ExportedBean {
    int defaultVisibility() default 1;
}
