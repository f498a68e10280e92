package io.jenkins.plugins.selfheal.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ProcessingInstruction;

/** The Jelly views and help files under src/main/resources. */
class JellyViewsTest {
    static final String ESCAPE = "escape-by-default='true'";
    static final Map<String, String> TAGLIBS = Map.of("/lib/form", "form/", "/lib/layout", "layout/", "/lib/hudson", "hudson/");
    static Map<Path, Document> views;

    @BeforeAll
    static void parseAll() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        views = new HashMap<>();
        for (Path p : files(".jelly")) {
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            try {
                views.put(p, b.parse(p.toFile()));
            } catch (Exception e) {
                fail(p + " is not well-formed XML: " + e.getMessage());
            }
        }
        assertThat(views).as("Jelly views").isNotEmpty();
        assertThat(views.keySet()).contains(BuildLayout.resources().resolve("index.jelly"));
    }

    static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(BuildLayout.resources())) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static List<Element> elements(Document d) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    @Test
    void everyViewEscapesByDefault() {
        views.forEach((p, d) -> {
            boolean found = false;
            for (Node n = d.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof ProcessingInstruction pi && pi.getTarget().equals("jelly")
                        && pi.getData().replace('"', '\'').replace(" ", "").equals(ESCAPE.replace(" ", ""))) {
                    found = true;
                }
            }
            assertThat(found).as(p + " starts with <?jelly " + ESCAPE + "?>").isTrue();
        });
    }

    @Test
    void everyFormPostsItsData() {
        views.forEach((p, d) -> {
            for (Element e : elements(d)) {
                if (e.getLocalName().equals("form")
                        && (e.getNamespaceURI() == null || "/lib/form".equals(e.getNamespaceURI()))) {
                    assertThat(e.getAttribute("method")).as(p + ": <" + e.getTagName() + "> method").isEqualToIgnoringCase("post");
                }
            }
        });
    }

    @Test
    void everyConfigFieldHasHelpAndProperty() throws Exception {
        for (Map.Entry<Path, Document> v : views.entrySet()) {
            Path p = v.getKey();
            if (!p.getFileName().toString().equals("config.jelly")) {
                continue;
            }
            Set<String> fields = new LinkedHashSet<>();
            for (Element e : elements(v.getValue())) {
                if (e.hasAttribute("field")) {
                    fields.add(e.getAttribute("field"));
                }
            }
            assertThat(fields).as(p + " fields").isNotEmpty();
            for (String field : fields) {
                assertThat(p.resolveSibling("help-" + field + ".html")).as(p + ": help for field " + field).exists();
            }
            try (Stream<Path> s = Files.list(p.getParent())) {
                s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith("help-") && n.endsWith(".html"))
                        .forEach(n -> assertThat(fields).as(p.getParent() + "/" + n + " documents a field of config.jelly")
                                .contains(n.substring("help-".length(), n.length() - ".html".length())));
            }
            // the view's owner class binds every field: getter + @DataBoundSetter or @DataBoundConstructor parameter
            String cls = BuildLayout.resources().relativize(p.getParent()).toString().replace('\\', '/').replace('/', '.');
            Class<?> owner = Class.forName(cls, false, getClass().getClassLoader());
            for (String field : fields) {
                assertThat(hasGetter(owner, field)).as(cls + ": getter for " + field).isTrue();
                assertThat(hasSetter(owner, field) || inConstructor(owner, field))
                        .as(cls + ": @DataBoundSetter or @DataBoundConstructor parameter for " + field).isTrue();
            }
        }
    }

    @Test
    void helpFilesAreWellFormed() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (Path p : files(".html")) {
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            try {
                Document d = b.parse(p.toFile());
                assertThat(d.getDocumentElement().getTextContent().trim()).as(p + " text").isNotEmpty();
            } catch (Exception e) {
                fail(p + " is not a well-formed HTML fragment: " + e.getMessage());
            }
        }
    }

    /** Tags of Jenkins' taglibs exist and get only their documented attributes (../shared/jenkins-api/jelly-tags.tsv). */
    @Test
    void jenkinsTagsAndAttributesExist() throws IOException {
        Path tsv = BuildLayout.reference().resolve("jelly-tags.tsv");
        Assumptions.assumeTrue(Files.exists(tsv), "SKIP: " + tsv + " absent; Jelly tags not checked");
        Map<String, Set<String>> known = new HashMap<>();
        Map<String, Set<String>> required = new HashMap<>();
        for (String line : Files.readAllLines(tsv).subList(1, Files.readAllLines(tsv).size())) {
            String[] cols = line.split("\t", -1);
            Set<String> attrs = new LinkedHashSet<>();
            Set<String> req = new LinkedHashSet<>();
            for (String a : cols[1].trim().split(" +")) {
                if (!a.isEmpty()) {
                    attrs.add(a.replace("*", ""));
                    if (a.endsWith("*")) {
                        req.add(a.replace("*", ""));
                    }
                }
            }
            known.put(cols[0], attrs);
            required.put(cols[0], req);
        }
        views.forEach((p, d) -> {
            for (Element e : elements(d)) {
                String lib = e.getNamespaceURI() == null ? null : TAGLIBS.get(e.getNamespaceURI());
                if (lib == null) {
                    continue;
                }
                String tag = lib + e.getLocalName();
                assertThat(known).as(p + ": tag " + e.getTagName()).containsKey(tag);
                for (int i = 0; i < e.getAttributes().getLength(); i++) {
                    String a = e.getAttributes().item(i).getNodeName();
                    if (!a.startsWith("xmlns")) {
                        assertThat(known.get(tag)).as(p + ": <" + e.getTagName() + "> attribute " + a).contains(a);
                    }
                }
                for (String r : required.get(tag)) {
                    assertThat(e.hasAttribute(r)).as(p + ": <" + e.getTagName() + "> required attribute " + r).isTrue();
                }
            }
        });
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean hasGetter(Class<?> c, String field) {
        return Arrays.stream(c.getMethods()).anyMatch(m -> m.getParameterCount() == 0
                && (m.getName().equals("get" + cap(field))
                || m.getName().equals("is" + cap(field)) && m.getReturnType() == boolean.class));
    }

    private static boolean hasSetter(Class<?> c, String field) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals("set" + cap(field)) && m.getParameterCount() == 1
                    && m.isAnnotationPresent(org.kohsuke.stapler.DataBoundSetter.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inConstructor(Class<?> c, String field) {
        for (Constructor<?> k : c.getConstructors()) {
            if (Arrays.stream(k.getAnnotations()).anyMatch(a -> a.annotationType().getName()
                    .equals("org.kohsuke.stapler.DataBoundConstructor"))) {
                for (Parameter p : k.getParameters()) {
                    assertThat(p.isNamePresent()).as("compiled with -parameters").isTrue();
                    if (p.getName().equals(field)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
