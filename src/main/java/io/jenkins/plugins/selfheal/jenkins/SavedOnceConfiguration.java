package io.jenkins.plugins.selfheal.jenkins;

import hudson.model.Descriptor;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * A global configuration whose {@code @DataBoundSetter}s validate and save one by one (JCasC, the script
 * console), while the form is validated whole first, so an invalid form changes nothing, then bound with
 * one save. Public: Stapler and JCasC call the inherited methods through the subclasses.
 */
public abstract class SavedOnceConfiguration extends GlobalConfiguration {
    /** While the form is bound, setters do not save one by one; {@link #configure} saves once. */
    private transient boolean binding;

    /** @throws Descriptor.FormException naming the field of the first invalid value in the form */
    protected abstract void validate(JSONObject json) throws Descriptor.FormException;

    @Override
    public final synchronized boolean configure(StaplerRequest2 req, JSONObject json) throws Descriptor.FormException {
        validate(json);
        binding = true;
        try {
            req.bindJSON(this, json);
        } finally {
            binding = false;
        }
        save();
        return true;
    }

    /** A setter changed a value: saved at once, unless the form is being bound. */
    protected final void changed() {
        if (!binding) {
            save();
        }
    }
}
