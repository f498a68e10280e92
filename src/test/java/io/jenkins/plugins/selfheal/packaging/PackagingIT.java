package io.jenkins.plugins.selfheal.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks of the built archives (run by maven-failsafe-plugin after {@code package}):
 * target/self-heal.hpi, target/self-heal.jar (its WEB-INF/lib/self-heal.jar) and target/self-heal-cli.jar.
 */
class PackagingIT {
    static final String PLUGIN_JAR_ENTRY = "WEB-INF/lib/self-heal.jar";
    /** Libraries bundled in WEB-INF/lib besides the plugin jar (artifactId prefix of the file name). */
    static final List<String> BUNDLED = List.of("commons-csv-");
    /** Plugin needed at run time when the plugin's classes use a package (see ../shared/jenkins-api/README.md). */
    static final Map<String, String> PLUGIN_OF_PACKAGE = new LinkedHashMap<>();

    static {
        PLUGIN_OF_PACKAGE.put("com.fasterxml.jackson.", "jackson2-api");
        PLUGIN_OF_PACKAGE.put("org.jenkinsci.plugins.workflow.steps.", "workflow-step-api");
        PLUGIN_OF_PACKAGE.put("org.jenkinsci.plugins.workflow.flow.", "workflow-api");
        PLUGIN_OF_PACKAGE.put("org.jenkinsci.plugins.workflow.graph.", "workflow-api");
        PLUGIN_OF_PACKAGE.put("org.jenkinsci.plugins.workflow.log.", "workflow-api");
        PLUGIN_OF_PACKAGE.put("org.jenkinsci.plugins.workflow.actions.", "workflow-api");
        PLUGIN_OF_PACKAGE.put("org.jenkinsci.plugins.workflow.job.", "workflow-job");
        PLUGIN_OF_PACKAGE.put("org.jenkinsci.plugins.workflow.support.", "workflow-support");
        PLUGIN_OF_PACKAGE.put("org.jenkinsci.plugins.structs.", "structs");
    }

    static Attributes outerManifest() throws IOException {
        try (JarFile hpi = new JarFile(BuildLayout.hpi().toFile())) {
            Manifest m = hpi.getManifest();
            assertThat(m).as("hpi META-INF/MANIFEST.MF").isNotNull();
            return m.getMainAttributes();
        }
    }

    static byte[] pluginJarBytes() throws IOException {
        try (ZipFile hpi = new ZipFile(BuildLayout.hpi().toFile())) {
            ZipEntry e = hpi.getEntry(PLUGIN_JAR_ENTRY);
            assertThat(e).as(PLUGIN_JAR_ENTRY).isNotNull();
            try (InputStream in = hpi.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    /** The plugin jar as packaged in the .hpi, extracted to a temp file. */
    static Path pluginJarFromHpi() throws IOException {
        Path tmp = Files.createTempFile("self-heal-plugin", ".jar");
        tmp.toFile().deleteOnExit();
        Files.write(tmp, pluginJarBytes());
        return tmp;
    }

    static List<String> entries(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void outerManifestDescribesThePlugin() throws IOException {
        Attributes a = outerManifest();
        assertThat(a.getValue("Manifest-Version")).isEqualTo("1.0");
        assertThat(a.getValue("Group-Id")).isEqualTo("io.jenkins.plugins");
        assertThat(a.getValue("Short-Name")).isEqualTo("self-heal");
        assertThat(a.getValue("Long-Name")).isEqualTo("Self-Heal");
        assertThat(a.getValue("Url")).startsWith("https://");
        assertThat(a.getValue("Plugin-Version")).isNotBlank();
        assertThat(a.getValue("Jenkins-Version")).isEqualTo("2.516.2");
        assertThat(a.getValue("Minimum-Java-Version")).isEqualTo("17");
        assertThat(a.getValue("Support-Dynamic-Loading")).isEqualTo("true");
        assertThat(a.getValue("Plugin-Dependencies")).isNotBlank();
    }

    @Test
    void pluginDependenciesCoverEveryPluginUsedAtTheInstalledVersions() throws IOException {
        Map<String, String> declared = new LinkedHashMap<>();
        for (String dep : outerManifest().getValue("Plugin-Dependencies").split(",")) {
            String[] p = dep.trim().split(":");
            assertThat(p).as(dep).hasSize(2);
            assertThat(p[1]).as(dep + " (optional dependencies are not used)").doesNotContain(";");
            assertThat(declared.put(p[0], p[1])).as("duplicate " + p[0]).isNull();
        }
        // every plugin whose classes the plugin code touches must be declared
        JavaClasses classes = new ClassFileImporter().importJar(new JarFile(pluginJarFromHpi().toFile()));
        Set<String> needed = new TreeSet<>();
        for (JavaClass c : classes) {
            c.getDirectDependenciesFromSelf().forEach(d -> PLUGIN_OF_PACKAGE.forEach((pkg, plugin) -> {
                if (d.getTargetClass().getName().startsWith(pkg)) {
                    needed.add(plugin);
                }
            }));
        }
        assertThat(declared.keySet()).as("Plugin-Dependencies").containsAll(needed);

        Path tsv = BuildLayout.reference().resolve("plugins.tsv");
        Assumptions.assumeTrue(Files.exists(tsv), "SKIP: " + tsv + " absent; dependency versions not checked");
        Map<String, String> installed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] cols = line.split("\t", -1);
            installed.put(cols[0], cols[1]);
        }
        declared.forEach((plugin, version) -> assertThat(version)
                .as(plugin + " version in Plugin-Dependencies vs plugins.tsv").isEqualTo(installed.get(plugin)));
    }

    @Test
    void hpiHoldsThePluginJarTheBundledLibrariesAndStaticResources() throws IOException {
        List<String> files = entries(BuildLayout.hpi()).stream().filter(n -> !n.endsWith("/")).toList();
        List<String> libs = files.stream().filter(n -> n.startsWith("WEB-INF/lib/")).toList();
        assertThat(libs).contains(PLUGIN_JAR_ENTRY, "WEB-INF/lib/commons-csv-1.14.1.jar");
        for (String lib : libs) {
            String name = lib.substring("WEB-INF/lib/".length());
            assertThat(name.equals("self-heal.jar") || BUNDLED.stream().anyMatch(name::startsWith))
                    .as(lib + " is bundled on purpose (Jackson comes from jackson2-api; commons-io/-codec from core)").isTrue();
        }
        assertThat(files).noneMatch(n -> n.contains("jackson")).noneMatch(n -> n.contains("picocli"));
        // static resources at the archive root
        List<String> expected = new ArrayList<>(List.of("META-INF/MANIFEST.MF"));
        expected.addAll(libs);
        Path webapp = BuildLayout.webapp();
        if (Files.isDirectory(webapp)) {
            try (Stream<Path> s = Files.walk(webapp)) {
                s.filter(Files::isRegularFile).forEach(p -> expected.add(webapp.relativize(p).toString().replace('\\', '/')));
            }
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void innerJarManifestLooksLikeAPluginForJenkinsClassFilter() throws IOException {
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(pluginJarBytes()))) {
            Manifest m = in.getManifest();
            assertThat(m).as("plugin jar manifest").isNotNull();
            Attributes a = m.getMainAttributes();
            assertThat(a.getValue("Short-Name")).isEqualTo("self-heal");
            assertThat(a.getValue("Long-Name")).isEqualTo("Self-Heal");
            assertThat(a.getValue("Plugin-Version")).isEqualTo(outerManifest().getValue("Plugin-Version"));
            assertThat(a.getValue("Jenkins-Version")).isEqualTo("2.516.2");
        }
    }

    @Test
    void noJenkinsApiClassInAnyArchive() throws IOException {
        Set<String> declared = BuildLayout.declaredClassNames();
        assertThat(declared).contains("hudson.Extension", "jenkins.model.GlobalConfiguration");
        Map<String, List<String>> archives = new LinkedHashMap<>();
        archives.put("hpi", entries(BuildLayout.hpi()));
        archives.put(PLUGIN_JAR_ENTRY, entries(pluginJarFromHpi()));
        archives.put("target/self-heal.jar", entries(BuildLayout.pluginJar()));
        archives.put("CLI jar", entries(BuildLayout.cliJar()));
        archives.forEach((name, list) -> {
            for (String e : list) {
                assertThat(BuildLayout.DECLARATION_ROOTS).as(name + ": " + e + " is under a declaration package")
                        .noneMatch(e::startsWith);
                if (e.endsWith(".class")) {
                    assertThat(declared).as(name + ": declaration class " + e)
                            .doesNotContain(e.substring(0, e.length() - 6).replace('/', '.'));
                }
            }
        });
    }

    @Test
    void pluginJarHoldsViewsHelpAndIndexes() throws IOException {
        Path jar = pluginJarFromHpi();
        List<String> names = entries(jar);
        Path res = BuildLayout.resources();
        try (Stream<Path> s = Files.walk(res)) {
            s.filter(Files::isRegularFile).forEach(p -> assertThat(names)
                    .contains(res.relativize(p).toString().replace('\\', '/')));
        }
        assertThat(names).contains("index.jelly", "META-INF/annotations/hudson.Extension",
                "META-INF/services/annotations/org.jenkinsci.Symbol");
        assertThat(names).noneMatch(n -> n.startsWith("io/jenkins/plugins/selfheal/cli/"));

        JavaClasses classes = new ClassFileImporter().importJar(new JarFile(jar.toFile()));
        Set<String> extensions = AnnotationIndexesTest.annotatedWith(classes, "hudson.Extension");
        Set<String> symbols = AnnotationIndexesTest.annotatedWith(classes, "org.jenkinsci.Symbol");
        assertThat(extensions).contains("io.jenkins.plugins.selfheal.jenkins.SelfHealGlobalConfiguration");
        try (ZipFile z = new ZipFile(jar.toFile())) {
            try (InputStream in = z.getInputStream(z.getEntry("META-INF/annotations/hudson.Extension"))) {
                assertThat(new TreeSet<>(BuildLayout.readSezPozIndex(in))).as("extension index").isEqualTo(extensions);
            }
            try (InputStream in = z.getInputStream(z.getEntry("META-INF/services/annotations/org.jenkinsci.Symbol"))) {
                assertThat(new TreeSet<>(BuildLayout.readLines(in))).as("@Symbol index").isEqualTo(symbols);
            }
        }
    }

    @Test
    void pluginJarInTheHpiIsTheBuiltPluginJar() throws IOException {
        assertThat(pluginJarBytes()).isEqualTo(Files.readAllBytes(BuildLayout.pluginJar()));
    }

    @Test
    void cliJarCarriesTheEngineAndItsLibrariesButNoJenkinsIntegration() throws Exception {
        List<String> names = entries(BuildLayout.cliJar());
        assertThat(names).noneMatch(n -> n.startsWith("io/jenkins/plugins/selfheal/jenkins/"))
                .noneMatch(n -> n.startsWith("META-INF/annotations/"))
                .noneMatch(n -> n.startsWith("META-INF/services/annotations/"))
                .noneMatch(n -> n.endsWith(".jelly"));
        assertThat(names).anyMatch(n -> n.startsWith("com/fasterxml/jackson/databind/"))
                .anyMatch(n -> n.startsWith("org/apache/commons/csv/"))
                .anyMatch(n -> n.startsWith("io/jenkins/plugins/selfheal/engine/"));
        String main;
        try (JarFile j = new JarFile(BuildLayout.cliJar().toFile())) {
            main = j.getManifest().getMainAttributes().getValue("Main-Class");
        }
        assertThat(main).isNotBlank();
        String mainEntry = main.replace('.', '/') + ".class";
        Assumptions.assumeTrue(names.contains(mainEntry), "SKIP: " + main + " not written yet; CLI not run");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", BuildLayout.cliJar().toString(), "--help").redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("java -jar self-heal-cli.jar --help\n" + out.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** ../shared/jenkins-api/check-declarations.py: the declarations match the real Jenkins API. */
    @Test
    void declarationsMatchTheRealJenkinsApi() throws Exception {
        Path script = BuildLayout.reference().resolve("check-declarations.py");
        Assumptions.assumeTrue(Files.exists(script), "SKIP: " + script + " absent; declarations not checked against the real API");
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString(),
                    "--decl", BuildLayout.declarations().toString(),
                    "--classes", BuildLayout.classes().toString(),
                    "--jar", BuildLayout.pluginJar().toString())
                    .directory(BuildLayout.basedir().toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("SKIP: python3 not runnable (" + e.getMessage() + "); declarations not checked");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(p.exitValue()).as("check-declarations.py:\n" + text).isZero();
    }
}
