package io.jenkins.plugins.selfheal.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * Shape of the global configuration as Stapler, Configuration as Code and the form see it. (It cannot
 * be instantiated here: its constructor calls Jenkins' load().)
 */
class SelfHealGlobalConfigurationTest {
    static final Class<SelfHealGlobalConfiguration> C = SelfHealGlobalConfiguration.class;

    static Set<String> setterProperties() {
        return Arrays.stream(C.getMethods()).filter(m -> m.isAnnotationPresent(DataBoundSetter.class))
                .map(m -> Introspector.decapitalize(m.getName().substring(3))).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everySettingHasAGetterAndADataBoundSetter() throws Exception {
        Set<String> expected = new TreeSet<>(SettingsRules.NUMERIC_FIELDS);
        expected.add("recommendOnly");
        expected.add("controllerProbeHosts");
        assertThat(setterProperties()).isEqualTo(expected);
        for (Method m : C.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                assertThat(m.getName()).startsWith("set");
                assertThat(m.getParameterCount()).isOne();
                String prop = m.getName().substring(3);
                Class<?> type = m.getParameterTypes()[0];
                Method getter = C.getMethod((type == boolean.class ? "is" : "get") + prop);
                assertThat(getter.getReturnType()).as(prop).isEqualTo(type);
            }
        }
    }

    @Test
    void everyNumericSettingHasAFormCheck() throws Exception {
        for (String field : SettingsRules.NUMERIC_FIELDS) {
            Method check = C.getMethod("doCheck" + Character.toUpperCase(field.charAt(0)) + field.substring(1), String.class);
            assertThat(check.getReturnType()).isEqualTo(FormValidation.class);
            assertThat(check.getParameters()[0].isNamePresent()).as("compiled with -parameters").isTrue();
            assertThat(check.getParameters()[0].getName()).isEqualTo("value");
            assertThat(check.getParameters()[0].isAnnotationPresent(QueryParameter.class)).isTrue();
        }
    }

    @Test
    void singletonAccessorAndPublicConstructor() throws Exception {
        Method get = C.getMethod("get");
        assertThat(Modifier.isStatic(get.getModifiers())).isTrue();
        assertThat(get.getReturnType()).isEqualTo(C);
        assertThat(C.getConstructor()).isNotNull();
    }
}
