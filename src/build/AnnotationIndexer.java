import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Build tool (never packaged): writes the annotation-indexer indexes
 * {@code META-INF/services/annotations/<annotation>} that {@code org.jvnet.hudson:annotation-indexer}'s
 * annotation processor would write. That artifact is not on Maven Central, so this program does the
 * same from the compiled classes, in the {@code process-classes} phase:
 * for every annotation type meta-annotated {@code @org.jvnet.hudson.annotation_indexer.Indexed}
 * (e.g. {@code @org.jenkinsci.Symbol}, {@code @ExportedBean}) found on a class (directly or inherited
 * through {@code @Inherited}), a method or a field of a class under the given package, it lists the
 * binary names of those classes, sorted, one per line.
 *
 * <p>Run with the compile class path (plugin classes + declarations + provided deps):
 * {@code java -cp <classpath> src/build/AnnotationIndexer.java <classesDir> <package>}.
 * {@code AnnotationIndexesTest} checks the result independently with ArchUnit.
 */
public final class AnnotationIndexer {
    static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";
    static final String INDEX_DIR = "META-INF/services/annotations";

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: AnnotationIndexer <classesDir> <package>");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        String prefix = args[1].replace('.', '/') + "/";
        ClassLoader loader = AnnotationIndexer.class.getClassLoader();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(r -> r.startsWith(prefix))
                    .forEach(r -> names.add(r.substring(0, r.length() - ".class".length()).replace('/', '.')));
        }
        Map<String, Set<String>> index = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
                // like javac's RoundEnvironment.getElementsAnnotatedWith (used by annotation-indexer):
                // a class also counts when it inherits an @Inherited annotation (e.g. @ExportedBean)
                List<Annotation> annotations = new ArrayList<>(List.of(c.getAnnotations()));
                List<AnnotatedElement> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
                members.addAll(List.of(c.getDeclaredFields()));
                for (AnnotatedElement m : members) {
                    annotations.addAll(List.of(m.getDeclaredAnnotations()));
                }
                for (Annotation a : annotations) {
                    if (isIndexed(a.annotationType())) {
                        index.computeIfAbsent(a.annotationType().getName(), k -> new TreeSet<>()).add(c.getName());
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                failures.add(name + ": " + e);
            }
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("[AnnotationIndexer] cannot inspect " + f));
            System.exit(1);
        }
        Path dir = classes.resolve(INDEX_DIR);
        if (Files.isDirectory(dir)) { // regenerate from scratch: nothing else writes this folder
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : index.entrySet()) {
            Files.createDirectories(dir);
            StringBuilder text = new StringBuilder();
            e.getValue().forEach(n -> text.append(n).append('\n'));
            Files.writeString(dir.resolve(e.getKey()), text, StandardCharsets.UTF_8);
        }
        // Silent on success, so `mvn -q` stays quiet; AnnotationIndexesTest checks what was written.
        if (index.isEmpty()) {
            System.err.println("[AnnotationIndexer] warning: no @Indexed annotation used under " + args[1]);
        }
    }

    private static boolean isIndexed(Class<? extends Annotation> type) {
        for (Annotation meta : type.getDeclaredAnnotations()) {
            if (meta.annotationType().getName().equals(INDEXED)) {
                return true;
            }
        }
        return false;
    }
}
