package io.jenkins.plugins.selfheal.realjenkins;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form of a page as the browser would submit it: its absolute action and the fields a click on
 * its (first) submit button sends — hidden and text inputs, checked boxes, the selected option (or
 * the first) of each select, textareas.
 *
 * @param name   the form's {@code name} attribute ("" without one)
 * @param action the absolute URL it posts to
 * @param fields the fields and their current values
 * @param options for each select, its option values (what a person may choose from)
 */
public record PageForm(String name, String action, Map<String, String> fields, Map<String, List<String>> options) {
    static List<PageForm> all(Document page) {
        return page.select("form").stream().map(PageForm::of).toList();
    }

    private static PageForm of(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type").toLowerCase(java.util.Locale.ROOT);
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            if (!type.equals("submit") && !type.equals("file")) {
                fields.put(input.attr("name"), input.hasAttr("value") ? input.attr("value") : (type.equals("checkbox") ? "on" : ""));
            }
        }
        for (Element select : form.select("select[name]")) {
            List<String> values = select.select("option").stream().map(o -> o.hasAttr("value") ? o.attr("value") : o.text()).toList();
            options.put(select.attr("name"), values);
            Element selected = select.selectFirst("option[selected]");
            fields.put(select.attr("name"), selected != null ? selected.attr("value") : values.isEmpty() ? "" : values.get(0));
        }
        for (Element area : form.select("textarea[name]")) {
            fields.put(area.attr("name"), area.text());
        }
        Element button = form.selectFirst("button[type=submit][name], input[type=submit][name]");
        if (button != null) {
            fields.put(button.attr("name"), button.hasAttr("value") ? button.attr("value") : button.text());
        }
        return new PageForm(form.attr("name"), form.absUrl("action"), Map.copyOf(fields), Map.copyOf(options));
    }

    /** The fields with {@code changes} applied (as if a person had typed or chosen them). */
    Map<String, String> fieldsWith(Map<String, String> changes) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putAll(changes);
        return all;
    }
}
