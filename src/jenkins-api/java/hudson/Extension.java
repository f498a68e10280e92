package hudson;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.java.sezpoz.Indexable;

/**
 * Declaration of Jenkins 2.516.2 {@code hudson.Extension} (compile-only, never packaged).
 * {@code @Indexable} makes SezPoz's processor write {@code META-INF/annotations/hudson.Extension}.
 * SezPoz warns "should be marked @Retention(RetentionPolicy.SOURCE)" when it compiles this file:
 * expected, the real annotation is RUNTIME (Jenkins reads it by reflection too); keep RUNTIME.
 */
@Indexable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Extension {
}
