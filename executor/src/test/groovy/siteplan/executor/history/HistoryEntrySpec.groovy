package siteplan.executor.history

import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * History outlives the version that wrote it: entries are read back with the words they were
 * recorded with, and a kind or status this version does not know is listed, not refused.
 */
class HistoryEntrySpec extends Specification {
    @TempDir Path tmp

    History history() {
        History.open(tmp.resolve('history'), null, null, [GIT_AUTHOR_NAME: 'Dana Operator', GIT_AUTHOR_EMAIL: 'dana@example.com'])
    }

    def "an entry of a kind and status this version does not know reads back as recorded"() {
        given:
        def h = history()
        def run = h.begin('restore', 'estate')
        run.write('notes.txt', 'from a newer siteplan\n')
        run.commit('restore estate: partial', 'partial', [:])
        h.close()

        when:
        def entries = history().list()

        then:
        entries.size() == 1
        entries[0].kind() == 'restore'
        entries[0].status() == 'partial'
        entries[0].subject() == 'restore estate: partial'
    }

    def "a commit without an author line (written by a tool other than git) is listed, as by nobody"() {
        given: 'a run, then a commit on top of it with no author line'
        def h = history()
        def run = h.begin('apply', 'estate')
        String parent = run.commit('apply estate: succeeded', 'succeeded', [:])
        def repo = org.eclipse.jgit.api.Git.open(tmp.resolve('history').toFile()).repository
        def tree = repo.parseCommit(repo.resolve(parent)).tree.name()
        byte[] raw = "tree ${tree}\nparent ${parent}\ncommitter x <x@example.com> 1700000000 +0000\n\napply estate: forged\n\nSiteplan-Kind: apply\nSiteplan-Run: forged\n".getBytes('UTF-8')
        def id = repo.newObjectInserter().withCloseable { ins -> def i = ins.insert(org.eclipse.jgit.lib.Constants.OBJ_COMMIT, raw); ins.flush(); i }
        def update = repo.updateRef('refs/heads/siteplan-history')
        update.setNewObjectId(id)
        update.forceUpdate()
        repo.close()
        h.close()

        when:
        def entries = history().list()

        then:
        entries*.subject() == ['apply estate: forged', 'apply estate: succeeded']
        entries[0].author() == '(no author)'
    }
}
