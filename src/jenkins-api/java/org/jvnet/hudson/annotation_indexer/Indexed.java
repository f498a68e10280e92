package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declaration of annotation-indexer 1.18 {@code org.jvnet.hudson.annotation_indexer.Indexed}
 * (compile-only, never packaged). annotation-indexer is not on Maven Central, so its processor is
 * replaced by {@code src/build/AnnotationIndexer.java}, run in {@code process-classes}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {
}
