package io.jenkins.plugins.selfheal.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where the build puts things (system properties set by surefire/failsafe in pom.xml, with defaults
 * for a run from the IDE in the project root) and small readers shared by the packaging checks.
 */
final class BuildLayout {
    /** Top-level packages of the Jenkins API declarations: never packaged. */
    static final List<String> DECLARATION_ROOTS = List.of(
            "hudson/", "jenkins/", "net/sf/json/", "org/jenkinsci/", "org/jvnet/", "org/kohsuke/");

    private BuildLayout() {
    }

    static Path basedir() {
        return Path.of(System.getProperty("selfheal.basedir", ".")).toAbsolutePath().normalize();
    }

    static Path declarations() {
        return basedir().resolve("src/jenkins-api/java");
    }

    static Path resources() {
        return basedir().resolve("src/main/resources");
    }

    static Path webapp() {
        return basedir().resolve("src/main/webapp");
    }

    static Path classes() {
        return path("selfheal.classes", "target/classes");
    }

    static Path hpi() {
        return path("selfheal.hpi", "target/self-heal.hpi");
    }

    static Path pluginJar() {
        return path("selfheal.pluginJar", "target/self-heal.jar");
    }

    static Path cliJar() {
        return path("selfheal.cliJar", "target/self-heal-cli.jar");
    }

    /** {@code ../shared/jenkins-api}: javap listings of the real Jenkins jars; absent in a user's clone. */
    static Path reference() {
        return Path.of(System.getProperty("selfheal.reference", basedir().resolve("../shared/jenkins-api").toString()))
                .toAbsolutePath().normalize();
    }

    private static Path path(String property, String def) {
        String p = System.getProperty(property);
        return p != null ? Path.of(p) : basedir().resolve(def);
    }

    /** Binary class names (a.b.C$D) of the compiled declarations, from their source files. */
    static Set<String> declaredClassNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Path decl = declarations();
        try (Stream<Path> s = Files.walk(decl)) {
            for (Path src : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String rel = decl.relativize(src).toString().replace('\\', '/');
                String base = rel.substring(0, rel.length() - ".java".length());
                Path dir = classes().resolve(base).getParent();
                String simple = base.substring(base.lastIndexOf('/') + 1);
                try (Stream<Path> cs = Files.list(dir)) {
                    cs.map(p -> p.getFileName().toString())
                            .filter(f -> f.equals(simple + ".class") || f.startsWith(simple + "$") && f.endsWith(".class"))
                            .forEach(f -> names.add((base.substring(0, base.length() - simple.length()) + f)
                                    .replace(".class", "").replace('/', '.')));
                }
            }
        }
        return names;
    }

    /** Class names (binary) listed in a SezPoz index (a stream of serialized SerAnnotatedElement, null-terminated). */
    static List<String> readSezPozIndex(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (ObjectInputStream ois = new ObjectInputStream(in)) {
            Object o;
            while ((o = ois.readObject()) != null) {
                net.java.sezpoz.impl.SerAnnotatedElement e = (net.java.sezpoz.impl.SerAnnotatedElement) o;
                out.add(e.memberName == null ? e.className : e.className + "#" + e.memberName);
            }
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
        return out;
    }

    /** Lines of a text index (annotation-indexer format), blank lines dropped. */
    static List<String> readLines(InputStream in) throws IOException {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                .map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
