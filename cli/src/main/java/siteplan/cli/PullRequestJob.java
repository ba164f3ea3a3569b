package siteplan.cli;

import java.util.Map;
import java.util.Optional;
import siteplan.executor.history.History;

/**
 * A CI job started for a pull request (GitLab: a merge request), known from the variables the CI sets for
 * the job's event, not from a flag: the job's command lines come from the repository, so a pull request can
 * edit them, and a flag it had to pass to be treated as one would be the first thing to drop. Another CI
 * says so with SITEPLAN_PULL_REQUEST=ID. Such a job reads history and pushes its plans only to a ref of its
 * own; apply, drill, failover and force-unlock, which take or remove the lock and write the history branch,
 * are refused in it. This is a guard rail against mistakes, not a boundary: a job's lines can unset any
 * variable. The credential the job is given, and the server's protection of the history branch and the
 * lock refs, are what enforce it (docs/ci.md). So the variables are read leniently: any of GitHub's
 * pull_request* events, in any case, GitLab's merge requests and external pull requests, with or without
 * GITHUB_ACTIONS / GITLAB_CI.
 *
 * @param id       names the job's ref under {@link History#PLANS}, e.g. github-pr-7
 * @param evidence the variables that say so, for messages
 */
record PullRequestJob(String id, String evidence) {
    static Optional<PullRequestJob> of(Map<String, String> env) {
        String event = env.getOrDefault("GITHUB_EVENT_NAME", "").trim();
        // pull_request, pull_request_target, pull_request_review, pull_request_review_comment: each runs for a pull request
        if (event.toLowerCase(java.util.Locale.ROOT).startsWith("pull_request")) {
            // refs/pull/7/merge: the pull request's number; without it, the workflow run's
            String ref = env.getOrDefault("GITHUB_REF", "");
            String number = ref.matches("refs/pull/\\d+/.*") ? ref.split("/")[2] : null;
            return Optional.of(new PullRequestJob(number != null ? "github-pr-" + number : "github-run-" + safe(env.getOrDefault("GITHUB_RUN_ID", "unknown")),
                    "GITHUB_EVENT_NAME=" + event));
        }
        String iid = env.get("CI_MERGE_REQUEST_IID");
        if (iid != null && iid.isBlank()) iid = null;
        if (iid != null || "merge_request_event".equalsIgnoreCase(env.getOrDefault("CI_PIPELINE_SOURCE", "").trim())) {
            return Optional.of(new PullRequestJob(iid != null ? "gitlab-mr-" + safe(iid) : "gitlab-pipeline-" + safe(env.getOrDefault("CI_PIPELINE_ID", "unknown")),
                    iid != null ? "CI_MERGE_REQUEST_IID=" + iid : "CI_PIPELINE_SOURCE=merge_request_event"));
        }
        // GitLab CI/CD for external repositories (GitHub): a pull request there runs as external_pull_request_event.
        String external = env.get("CI_EXTERNAL_PULL_REQUEST_IID");
        if (external != null && external.isBlank()) external = null;
        if (external != null || "external_pull_request_event".equalsIgnoreCase(env.getOrDefault("CI_PIPELINE_SOURCE", "").trim())) {
            return Optional.of(new PullRequestJob(external != null ? "gitlab-pr-" + safe(external.trim()) : "gitlab-pipeline-" + safe(env.getOrDefault("CI_PIPELINE_ID", "unknown")),
                    external != null ? "CI_EXTERNAL_PULL_REQUEST_IID=" + external.trim() : "CI_PIPELINE_SOURCE=external_pull_request_event"));
        }
        String other = env.get("SITEPLAN_PULL_REQUEST");
        if (other != null && !other.isBlank()) return Optional.of(new PullRequestJob("pr-" + safe(other.trim()), "SITEPLAN_PULL_REQUEST=" + other.trim()));
        return Optional.empty();
    }

    /** The job's own ref in the history remote. */
    String ref() {
        return History.PLANS + id;
    }

    /** Refuses what a pull-request job may not do with the history remote. */
    void refuse(String what) {
        throw new Siteplan.UserError(what + " refused: this is a pull-request job (" + evidence + "), and the history remote's branch, lock and records are written only by"
                + " jobs of the protected branch; a pull-request job plans, and with --push stores its plan under " + ref() + ". Nothing was changed.");
    }

    /** One component of a git ref name: no slash, no "..", no leading dot, no ".lock" ending, never empty. */
    static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("\\.{2,}", "-").replaceAll("^[.-]+", "");
        if (t.length() > 60) t = t.substring(0, 60);
        t = t.replaceAll("\\.+$", "");
        if (t.endsWith(".lock")) t = t.substring(0, t.length() - ".lock".length()) + "-lock";
        return t.isEmpty() ? "unknown" : t;
    }
}
