package io.jenkins.plugins.selfheal.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sanity of the compile-only Jenkins API declarations that does not need the reference listings
 * (check-declarations.py, run by PackagingIT and in verify, compares them with the real API).
 */
class DeclarationsTest {
    /** Annotations whose RUNTIME retention Jenkins/Stapler rely on (see ../shared/jenkins-api/README.md). */
    static final List<String> RUNTIME_ANNOTATIONS = List.of(
            "hudson.Extension", "org.jenkinsci.Symbol", "org.jvnet.hudson.annotation_indexer.Indexed",
            "org.kohsuke.stapler.DataBoundSetter", "org.kohsuke.stapler.DataBoundConstructor",
            "org.kohsuke.stapler.QueryParameter", "org.kohsuke.stapler.interceptor.RequirePOST",
            "org.kohsuke.stapler.verb.POST", "org.kohsuke.stapler.export.Exported",
            "org.kohsuke.stapler.export.ExportedBean");

    @Test
    void criticalAnnotationsAreRuntimeRetained() throws IOException {
        for (String name : BuildLayout.declaredClassNames()) {
            if (!RUNTIME_ANNOTATIONS.contains(name)) {
                continue;
            }
            Class<?> c = load(name);
            assertThat(c.isAnnotation()).as(name).isTrue();
            Retention r = c.getAnnotation(Retention.class);
            assertThat(r).as(name + " @Retention").isNotNull();
            assertThat(r.value()).as(name + " @Retention").isEqualTo(RetentionPolicy.RUNTIME);
        }
    }

    @Test
    void extensionIsSezPozIndexable() {
        Class<?> ext = load("hudson.Extension");
        assertThat(ext.getAnnotation(net.java.sezpoz.Indexable.class)).isNotNull();
        Class<?> symbol = load("org.jenkinsci.Symbol");
        assertThat(List.of(symbol.getAnnotations()).stream().map(Annotation::annotationType).map(Class::getName))
                .contains("org.jvnet.hudson.annotation_indexer.Indexed");
    }

    @Test
    void everyDeclarationPackageIsExcludedFromEveryArchive() throws IOException {
        String pom = Files.readString(BuildLayout.basedir().resolve("pom.xml"));
        Matcher m = Pattern.compile("<jenkins-api\\.excludes>([^<]*)</jenkins-api\\.excludes>").matcher(pom);
        assertThat(m.find()).as("pom property jenkins-api.excludes").isTrue();
        List<String> antExcludes = List.of(m.group(1).split(","));
        Path decl = BuildLayout.declarations();
        try (Stream<Path> s = Files.walk(decl)) {
            for (Path src : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String rel = decl.relativize(src).toString().replace('\\', '/');
                assertThat(BuildLayout.DECLARATION_ROOTS).as(rel + ": add its package root to BuildLayout, pom.xml "
                        + "(jenkins-api.excludes, maven-jar-plugin and maven-shade-plugin excludes)")
                        .anyMatch(rel::startsWith);
                assertThat(antExcludes).as(rel + " excluded by jenkins-api.excludes")
                        .anyMatch(p -> rel.startsWith(p.trim().replace("**", "")));
            }
        }
        for (String root : BuildLayout.DECLARATION_ROOTS) {
            String pattern = "<exclude>" + root + "**</exclude>";
            assertThat(pom.split(Pattern.quote(pattern), -1).length - 1)
                    .as(pattern + " in maven-jar-plugin and maven-shade-plugin").isGreaterThanOrEqualTo(2);
            assertThat(antExcludes).contains(root + "**");
        }
        assertThat(String.join(",", antExcludes)).doesNotContain("io/");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DeclarationsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
