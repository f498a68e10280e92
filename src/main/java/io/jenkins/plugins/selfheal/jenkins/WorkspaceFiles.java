package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import io.jenkins.plugins.selfheal.engine.detect.RuleSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The files a step names ({@code dataset}, {@code rules}), found inside the workspace on the
 * machine that holds it: relative paths only, no way out by {@code ..} nor through a symbolic link.
 * Jenkins-free (it runs on the agent, inside a file callable); every message names the field.
 */
final class WorkspaceFiles {
    private WorkspaceFiles() {
    }

    /**
     * The file {@code given} names under {@code workspace}.
     *
     * @throws IllegalArgumentException naming {@code field} when the path is absolute or leads out of the workspace
     */
    static Path resolve(Path workspace, String field, String given) {
        String text = given == null ? "" : given.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(field + ": empty; give a path inside the workspace");
        }
        Path relative;
        try {
            relative = workspace.getFileSystem().getPath(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a valid path (" + e.getReason() + ")");
        }
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw new IllegalArgumentException(field + ": '" + text + "' is an absolute path; give a path inside the workspace");
        }
        Path root = workspace.toAbsolutePath().normalize();
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException(field + ": '" + text + "' leads out of the workspace");
        }
        if (!stillInside(root, file)) {
            throw new IllegalArgumentException(field + ": '" + text + "' leads out of the workspace through a symbolic link");
        }
        return file;
    }

    /**
     * The rule set to check {@code dataset} with: a built-in id, the workspace path of a JSON rule
     * set, or (none given) the built-in one named like the data set.
     *
     * @throws IllegalArgumentException naming {@code rules} (also {@code InvalidRuleSetException} for a bad JSON file)
     */
    static RuleSet ruleSet(Path workspace, Path dataset, String rules) {
        return RuleSets.resolve(rules, dataset, spec -> resolve(workspace, "rules", spec), "rules: ", "workspace path",
                () -> new IllegalArgumentException("rules: no built-in rule set matches " + dataset.getFileName()
                        + "; name one (" + String.join(", ", BuiltInRuleSets.ids())
                        + ") or the workspace path of a .json rule set file"));
    }

    /**
     * Whether {@code file} (already under {@code root} by name) is under it on disk too: the real path
     * of its deepest existing part, symbolic links followed, must lie in the workspace's real path.
     */
    private static boolean stillInside(Path root, Path file) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return true; // no workspace yet: nothing in it can be a link
        }
        for (Path part = file; part != null && part.startsWith(root); part = part.getParent()) {
            if (Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    return part.toRealPath().startsWith(realRoot);
                } catch (IOException e) {
                    return false; // a link to nowhere: where it would lead is unknown, so not inside
                }
            }
        }
        return true;
    }
}
