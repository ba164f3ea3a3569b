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
}
