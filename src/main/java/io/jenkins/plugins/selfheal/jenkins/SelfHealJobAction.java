package io.jenkins.plugins.selfheal.jenkins;

import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.security.Permission;
import io.jenkins.plugins.selfheal.engine.store.PolicyFormatException;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.WebMethod;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The job's "Self-Heal" page: the learned Q-table, learning history and recent decisions (one
 * renderer, also used by the CLI report), {@code view.json}, {@code policy.json}, {@code api/json},
 * and Reset / Import / Restore (POST, Item.CONFIGURE).
 */
@ExportedBean
public class SelfHealJobAction implements Action {
    private static final Logger LOGGER = Logger.getLogger(SelfHealJobAction.class.getName());
    private final Job<?, ?> job;

    SelfHealJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return "/plugin/self-heal/images/self-heal.svg";
    }

    @Override
    public String getDisplayName() {
        return "Self-Heal";
    }

    @Override
    public String getUrlName() {
        return "self-heal";
    }

    private PolicyAdmin admin() {
        return new PolicyAdmin(JobPolicy.store(job), operation -> job.checkPermission(permission(operation)));
    }

    static Permission permission(PolicyAdmin.Operation operation) {
        return operation.needsConfigure() ? Item.CONFIGURE : Item.READ;
    }

    /** Whether the current user may reset, import and restore (the page shows those forms only then). */
    public boolean isConfigurable() {
        return job.hasPermission(Item.CONFIGURE);
    }

    public List<String> getBackups() throws IOException {
        return admin().backups();
    }

    public Api getApi() {
        return new Api(this);
    }

    /**
     * The view document through Jenkins' REST API, only when asked for: {@code …/self-heal/api/json?depth=2}
     * or {@code ?tree=view[…]}. Stapler shows a property when its visibility is at least 1 minus the depth
     * asked for plus its nesting (and reads 0 as the default, 1): -1 keeps it out of plain {@code api/json}
     * here and out of the job's, a folder's or the root's {@code api/json} at the depths used to list jobs.
     * The job's view is cached as the JSON bytes {@code view.json} serves ({@code ViewJson}); Stapler's
     * exporter needs a Map or an exported bean, so an explicit request parses those bytes once.
     */
    @Exported(name = "view", visibility = -1)
    @SuppressWarnings("unchecked")
    public Map<String, Object> getView() throws IOException {
        return PolicyJson.MAPPER.readValue(admin().viewJson(), Map.class);
    }

    @WebMethod(name = "view.json")
    public void doViewJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        json(rsp, admin().viewJson(), false);
    }

    /**
     * The whole episode log, streamed from its files (the page lists only the newest decisions). A log that
     * cannot be read (a segment gone) is one line with a 500 when nothing was sent yet; a download that breaks
     * off later ends short, and the reason is in the controller's log.
     */
    @WebMethod(name = "episodes.jsonl")
    public void doEpisodesJsonl(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        PolicyAdmin admin = admin();
        rsp.setContentType("application/x-ndjson;charset=UTF-8");
        rsp.setHeader("Content-Disposition", "attachment; filename=episodes.jsonl");
        try {
            admin.writeEpisodeLog(rsp.getOutputStream());
        } catch (IOException | PolicyFormatException e) {
            LOGGER.log(Level.WARNING, "Self-Heal: could not stream the episode log of " + job.getFullName(), e);
            if (!rsp.isCommitted()) {
                rsp.reset();
                rsp.sendError(500, "Self-Heal: the episode log could not be read: " + StepSummary.describe(e));
            }
        }
    }

    @WebMethod(name = "policy.json")
    public void doPolicyJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        json(rsp, admin().policyJson(), true);
    }

    @RequirePOST
    public HttpResponse doReset(StaplerRequest2 req) throws IOException {
        return change(() -> admin().reset(user(), "true".equals(req.getParameter("confirm"))));
    }

    @RequirePOST
    public HttpResponse doImport(StaplerRequest2 req) throws IOException {
        return change(() -> admin().importJson(req.getParameter("policy"), user()));
    }

    @RequirePOST
    public HttpResponse doRestore(StaplerRequest2 req) throws IOException {
        return change(() -> admin().restore(req.getParameter("backup"), user()));
    }

    private interface Change {
        Object run() throws IOException;
    }

    /** Runs a change; bad input answers 400 and a failed write 500, each with one line (never a stack trace). */
    private HttpResponse change(Change change) {
        try {
            change.run();
            WaitingStepRegistry.policyReplaced(job); // its waiting builds' episodes can no longer be learned: they go on
            return HttpResponses.redirectTo(".");
        } catch (IllegalArgumentException | PolicyFormatException e) {
            return HttpResponses.errorWithoutStack(400, "Self-Heal: " + e.getMessage());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Self-Heal: could not change a job's policy", e);
            return HttpResponses.errorWithoutStack(500, "Self-Heal: could not change the policy: " + StepSummary.describe(e));
        }
    }

    private static String user() {
        return Jenkins.getAuthentication2().getName();
    }

    private static void json(StaplerResponse2 rsp, byte[] body, boolean download) throws IOException {
        rsp.setContentType("application/json;charset=UTF-8");
        if (download) {
            rsp.setHeader("Content-Disposition", "attachment; filename=policy.json");
        }
        rsp.getOutputStream().write(body);
    }
}
