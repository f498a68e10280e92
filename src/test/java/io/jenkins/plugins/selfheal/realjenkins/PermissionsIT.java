package io.jenkins.plugins.selfheal.realjenkins;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what on the build page and the job page, with security on (matrix-auth, users logged
 * in through the login form as people are): Read views, Build decides, Configure resets and imports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PermissionsIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withExtraPlugins("matrix-auth").withInjectedFailuresAllowed(true);
    private static Jobs.Build build;

    @BeforeAll
    static void aDecidableBuildAndUsersWithExactPermissions() throws Exception {
        Jobs jobs = JENKINS.jobs();
        // the first build learns at once (the job then has a policy and its page); the second awaits a decision
        jobs.createPipeline("guarded", "selfHeal(simulate: 'crash', feedback: currentBuild.number == 1 ? 'none' : 'async') { echo 'deploy' }");
        jobs.waitForResult(jobs.build("guarded"));
        build = jobs.build("guarded");
        jobs.waitForResult(build);
        JENKINS.anonymous().script("""
                def j = jenkins.model.Jenkins.get()
                def realm = new hudson.security.HudsonPrivateSecurityRealm(false)
                ['outsider', 'reader', 'builder', 'configurer', 'admin'].each { n -> realm.createAccount(n, n + '-Passw0rd').save() }
                j.setSecurityRealm(realm)
                def s = new hudson.security.GlobalMatrixAuthorizationStrategy()
                def grant = { n, perms -> perms.each { p -> s.add(p, org.jenkinsci.plugins.matrixauth.PermissionEntry.user(n)) } }
                grant('outsider', [jenkins.model.Jenkins.READ])
                grant('reader', [jenkins.model.Jenkins.READ, hudson.model.Item.READ])
                grant('builder', [jenkins.model.Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.BUILD])
                grant('configurer', [jenkins.model.Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.CONFIGURE])
                grant('admin', [jenkins.model.Jenkins.ADMINISTER])
                j.setAuthorizationStrategy(s)
                j.save()
                """);
    }

    private static JenkinsClient login(String user) throws Exception {
        return JENKINS.anonymous().login(user, user + "-Passw0rd");
    }

    @Test
    @Order(1)
    void withoutItemReadTheSelfHealUrlsAreNotFound() throws Exception {
        JenkinsClient outsider = login("outsider");
        assertThat(outsider.get("job/guarded/self-heal/").status()).isEqualTo(404);
        assertThat(outsider.get("job/guarded/self-heal/view.json").status()).isEqualTo(404);
        assertThat(outsider.post(build.url() + "self-heal/decide", Map.of("verdict", "accept")).status()).isEqualTo(404);
        assertThat(outsider.post("job/guarded/self-heal/reset", Map.of("confirm", "true")).status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void readOnlyViewsThePagesButMayNotDecideResetOrImport() throws Exception {
        JenkinsClient reader = login("reader");
        assertThat(reader.get("job/guarded/self-heal/").status()).isEqualTo(200);
        assertThat(reader.get("job/guarded/self-heal/api/json").status()).isEqualTo(200);
        assertThat(reader.page(build.url()).text()).contains("Waiting for feedback from someone with Build permission");
        assertThat(reader.forms(build.url())).extracting(PageForm::name).doesNotContain("selfHealAccept");
        assertThat(reader.forms("job/guarded/self-heal/")).extracting(PageForm::name).doesNotContain("selfHealReset");
        assertThat(reader.post(build.url() + "self-heal/decide", Map.of("verdict", "accept")).status()).isEqualTo(403);
        assertThat(reader.post("job/guarded/self-heal/reset", Map.of("confirm", "true")).status()).isEqualTo(403);
        assertThat(reader.post("job/guarded/self-heal/import", Map.of("policy", policy(reader))).status()).isEqualTo(403);
        assertThat(reader.page(build.url()).text()).contains("Waiting for feedback");
    }

    @Test
    @Order(3)
    void buildDecidesButMayNotResetOrImport() throws Exception {
        JenkinsClient builder = login("builder");
        assertThat(builder.post("job/guarded/self-heal/reset", Map.of("confirm", "true")).status()).isEqualTo(403);
        assertThat(builder.post("job/guarded/self-heal/import", Map.of("policy", policy(builder))).status()).isEqualTo(403);
        PageForm accept = WaitingStepIT.decideForm(builder, build, "selfHealAccept");
        assertThat(builder.submit(accept, Map.of()).status()).isEqualTo(302);
        assertThat(builder.page(build.url()).text()).contains("by builder");
    }

    @Test
    @Order(4)
    void configureResetsAndImports() throws Exception {
        JenkinsClient configurer = login("configurer");
        String learned = policy(configurer);
        assertThat(configurer.post(build.url() + "self-heal/decide", Map.of("verdict", "reject")).status()).isEqualTo(403);
        PageForm reset = configurer.forms("job/guarded/self-heal/").stream().filter(f -> f.name().equals("selfHealReset"))
                .findFirst().orElseThrow();
        assertThat(configurer.submit(reset, Map.of("confirm", "true")).status()).isEqualTo(302);
        assertThat(configurer.json("job/guarded/self-heal/api/json?depth=2").path("view").path("states").size()).isZero();
        assertThat(configurer.post("job/guarded/self-heal/import", Map.of("policy", learned)).status()).isEqualTo(302);
        assertThat(configurer.json("job/guarded/self-heal/api/json?depth=2").path("view").path("states").toString())
                .contains("deployment_failure_");
    }

    @Test
    @Order(5)
    void stateChangesAreRefusedAsGetAndWithoutACrumb() throws Exception {
        JenkinsClient admin = login("admin");
        for (String change : new String[] {build.url() + "self-heal/decide", "job/guarded/self-heal/reset",
                "job/guarded/self-heal/import", "job/guarded/self-heal/restore"}) {
            assertThat(admin.get(change).status()).as("GET " + change).isEqualTo(405);
        }
        // a logged-in session without the crumb (a forged cross-site form) is refused by the crumb filter
        assertThat(admin.postWithoutCrumb("job/guarded/self-heal/reset", Map.of("confirm", "true")).status()).isEqualTo(403);
    }

    private static String policy(JenkinsClient client) throws Exception {
        JenkinsClient.Response policy = client.get("job/guarded/self-heal/policy.json");
        assertThat(policy.status()).isEqualTo(200);
        return policy.body();
    }
}
