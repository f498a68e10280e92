package io.jenkins.plugins.selfheal.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indexes Jenkins reads to find the plugin's extensions, in target/classes (before packaging;
 * PackagingIT repeats the check inside the plugin jar): SezPoz's {@code META-INF/annotations/hudson.Extension}
 * and the annotation-indexer files {@code META-INF/services/annotations/<annotation>} written by
 * src/build/AnnotationIndexer.java. Expected contents are computed independently, with ArchUnit.
 */
class AnnotationIndexesTest {
    static final String PACKAGE = "io.jenkins.plugins.selfheal";
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().importPath(BuildLayout.classes());
    }

    /** class names (and class#member for annotated fields/methods) annotated with the given annotation. */
    static Set<String> annotatedWith(JavaClasses classes, String annotation) {
        Set<String> out = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().startsWith(PACKAGE)) {
                continue;
            }
            if (c.isAnnotatedWith(annotation)) {
                out.add(c.getName());
            }
            List<JavaMember> members = new ArrayList<>(c.getFields());
            members.addAll(c.getMethods());
            for (JavaMember m : members) {
                if (m.isAnnotatedWith(annotation)) {
                    out.add(c.getName() + "#" + m.getName());
                }
            }
        }
        return out;
    }

    @Test
    void extensionIndexListsEveryExtension() throws IOException {
        Set<String> expected = annotatedWith(classes, "hudson.Extension");
        assertThat(expected).as("@Extension classes").contains(
                "io.jenkins.plugins.selfheal.jenkins.SelfHealGlobalConfiguration");
        Path index = BuildLayout.classes().resolve("META-INF/annotations/hudson.Extension");
        assertThat(index).as("SezPoz index (is sezpoz the annotation processor and hudson.Extension @Indexable?)").exists();
        try (InputStream in = Files.newInputStream(index)) {
            assertThat(new TreeSet<>(BuildLayout.readSezPozIndex(in))).isEqualTo(expected);
        }
    }

    @Test
    void extensionsCanBeInstantiatedByJenkins() {
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith(PACKAGE) && c.isAnnotatedWith("hudson.Extension")) {
                assertThat(c.getModifiers()).as(c.getName()).contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                        .doesNotContain(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT);
                assertThat(c.getConstructors()).as(c.getName() + " public no-arg constructor")
                        .anyMatch(k -> k.getRawParameterTypes().isEmpty()
                                && k.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC));
            }
        }
    }

    @Test
    void annotationIndexerIndexesMatchTheAnnotatedClasses() throws IOException {
        // every annotation type meta-annotated @Indexed that the plugin uses -> classes using it
        Map<String, Set<String>> expected = new TreeMap<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().startsWith(PACKAGE)) {
                continue;
            }
            List<JavaAnnotation<?>> annotations = new ArrayList<>(c.getAnnotations());
            for (JavaClass sup : c.getAllRawSuperclasses()) { // @Inherited class annotations count too
                sup.getAnnotations().stream()
                        .filter(a -> a.getRawType().isAnnotatedWith("java.lang.annotation.Inherited"))
                        .forEach(annotations::add);
            }
            c.getFields().forEach(f -> annotations.addAll(f.getAnnotations()));
            c.getMethods().forEach(m -> annotations.addAll(m.getAnnotations()));
            for (JavaAnnotation<?> a : annotations) {
                if (a.getRawType().isAnnotatedWith("org.jvnet.hudson.annotation_indexer.Indexed")) {
                    expected.computeIfAbsent(a.getRawType().getName(), k -> new TreeSet<>()).add(c.getName());
                }
            }
        }
        assertThat(expected).containsKey("org.jenkinsci.Symbol");
        assertThat(expected.get("org.jenkinsci.Symbol"))
                .contains("io.jenkins.plugins.selfheal.jenkins.SelfHealGlobalConfiguration");

        Path dir = BuildLayout.classes().resolve("META-INF/services/annotations");
        Map<String, Set<String>> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                try (InputStream in = Files.newInputStream(f)) {
                    List<String> lines = BuildLayout.readLines(in);
                    assertThat(lines).as(f + " sorted, no duplicates").isSorted().doesNotHaveDuplicates();
                    actual.put(f.getFileName().toString(), new TreeSet<>(lines));
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void symbolAnnotationIsVisibleAtRunTime() throws Exception {
        Class<?> c = Class.forName("io.jenkins.plugins.selfheal.jenkins.SelfHealGlobalConfiguration");
        org.jenkinsci.Symbol symbol = c.getAnnotation(org.jenkinsci.Symbol.class);
        assertThat(symbol).as("@Symbol must be RUNTIME").isNotNull();
        assertThat(symbol.value()).containsExactly("selfHeal");
        assertThat(c.getAnnotation(hudson.Extension.class)).as("@Extension must be RUNTIME").isNotNull();
        assertThat(Modifier.isPublic(c.getModifiers())).isTrue();
    }

    /** The README's first command runs `mvn -q`: the build step writing the indexes prints nothing when it works. */
    @Test
    void theIndexerIsSilentWhenItSucceeds(@org.junit.jupiter.api.io.TempDir Path scratch) throws Exception {
        Path copy = scratch.resolve("classes");
        Path from = BuildLayout.classes();
        try (Stream<Path> files = Files.walk(from.resolve("io/jenkins/plugins/selfheal"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                BuildLayout.basedir().resolve("src/build/AnnotationIndexer.java").toString(), copy.toString(), PACKAGE)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).isZero();
        assertThat(copy.resolve("META-INF/services/annotations/org.jenkinsci.Symbol")).exists();
        assertThat(out).isEmpty();
    }
}
