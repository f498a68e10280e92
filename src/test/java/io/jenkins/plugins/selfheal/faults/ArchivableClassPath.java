package io.jenkins.plugins.selfheal.faults;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * This JVM's class path with its folders packed into one jar: a class-data archive (which lets the
 * 200 killed writers start in a third of the time) accepts jars only.
 */
final class ArchivableClassPath {
    private ArchivableClassPath() {
    }

    /** Packs the folders of the class path into {@code jar} (once) and returns the class path to use. */
    static synchronized String of(Path jar) throws IOException {
        List<Path> folders = new ArrayList<>();
        List<String> jars = new ArrayList<>();
        for (String entry : entries()) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                folders.add(path);
            } else if (Files.exists(path)) {
                jars.add(entry);
            }
        }
        if (!Files.exists(jar)) {
            Path temp = jar.resolveSibling(jar.getFileName() + ".part");
            try (OutputStream file = Files.newOutputStream(temp); JarOutputStream out = new JarOutputStream(file)) {
                List<String> seen = new ArrayList<>();
                for (Path folder : folders) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                            String name = folder.relativize(f).toString().replace(File.separatorChar, '/');
                            if (!seen.contains(name) && !name.equals("META-INF/MANIFEST.MF")) {
                                seen.add(name);
                                out.putNextEntry(new JarEntry(name));
                                Files.copy(f, out);
                                out.closeEntry();
                            }
                        }
                    }
                }
            }
            Files.move(temp, jar);
        }
        List<String> path = new ArrayList<>(List.of(jar.toString()));
        path.addAll(jars);
        return String.join(File.pathSeparator, path);
    }

    /** The class path's entries, with those of a manifest-only jar (Surefire's booter) spelled out. */
    private static List<String> entries() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (JarFile jarFile = new JarFile(path.toFile())) {
                    var manifest = jarFile.getManifest();
                    String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (classPath != null && path.getFileName().toString().startsWith("surefirebooter")) {
                        for (String url : classPath.trim().split("\\s+")) {
                            entries.add(Path.of(URI.create(url)).toString());
                        }
                        continue;
                    }
                }
            }
            entries.add(entry);
        }
        return entries;
    }
}
