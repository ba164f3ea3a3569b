package siteplan.cli

import spock.lang.Specification

/**
 * Which jobs siteplan takes for a pull request's, from the variables the CI sets for the event. Read leniently: a job
 * taken for a protected one could write the history branch, so every pull_request* event counts, in any case, and the
 * ref a job may write is always one well-formed component under refs/siteplan/plans/.
 */
class PullRequestJobSpec extends Specification {

    def "GitHub's #event event is a pull request's job, with or without GITHUB_ACTIONS"() {
        expect:
        PullRequestJob.of([GITHUB_EVENT_NAME: event, GITHUB_REF: 'refs/pull/7/merge']).get().ref() == 'refs/siteplan/plans/github-pr-7'
        PullRequestJob.of([GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: event, GITHUB_REF: 'refs/pull/7/merge']).isPresent()

        where:
        event << ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment', 'Pull_Request', ' pull_request ']
    }

    def "a merge request's job on GitLab, with or without GITLAB_CI; an empty IID is not a number"() {
        expect:
        PullRequestJob.of([CI_MERGE_REQUEST_IID: '7']).get().ref() == 'refs/siteplan/plans/gitlab-mr-7'
        PullRequestJob.of([CI_PIPELINE_SOURCE: 'Merge_Request_Event', CI_PIPELINE_ID: '99']).get().ref() == 'refs/siteplan/plans/gitlab-pipeline-99'
        PullRequestJob.of([CI_MERGE_REQUEST_IID: '', CI_PIPELINE_SOURCE: 'merge_request_event', CI_PIPELINE_ID: '5']).get().ref() == 'refs/siteplan/plans/gitlab-pipeline-5'
    }

    def "an external pull request's job on GitLab (a GitHub repository's pipeline there) is a pull request's job"() {
        expect:
        PullRequestJob.of([CI_PIPELINE_SOURCE: 'external_pull_request_event', CI_EXTERNAL_PULL_REQUEST_IID: '5']).get().ref() == 'refs/siteplan/plans/gitlab-pr-5'
        PullRequestJob.of([CI_PIPELINE_SOURCE: 'External_Pull_Request_Event', CI_PIPELINE_ID: '8']).get().ref() == 'refs/siteplan/plans/gitlab-pipeline-8'
        PullRequestJob.of([CI_EXTERNAL_PULL_REQUEST_IID: '6']).get().ref() == 'refs/siteplan/plans/gitlab-pr-6'
    }

    def "jobs of the protected branch are not pull requests'"() {
        expect:
        !PullRequestJob.of(env).isPresent()

        where:
        env << [[GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main'], [GITHUB_EVENT_NAME: 'schedule'], [CI_PIPELINE_SOURCE: 'push'],
                [SITEPLAN_PULL_REQUEST: '  '], [:]]
    }

    def "an id that is not a valid ref component (#id) becomes one: no slash, no '..', no leading dot, no .lock ending, never empty"() {
        when:
        String ref = PullRequestJob.of([SITEPLAN_PULL_REQUEST: id]).get().ref()

        then:
        ref == expected
        org.eclipse.jgit.lib.Repository.isValidRefName(ref)

        where:
        id                            | expected
        'x.lock'                      | 'refs/siteplan/plans/pr-x-lock'
        '..'                          | 'refs/siteplan/plans/pr-unknown'
        '../../heads/siteplan-history' | 'refs/siteplan/plans/pr-heads-siteplan-history'
        '.hidden'                     | 'refs/siteplan/plans/pr-hidden'
        'a..b'                        | 'refs/siteplan/plans/pr-a-b'
        'feature/x.'                  | 'refs/siteplan/plans/pr-feature-x'
    }
}
