package siteplan.executor.history

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** The history branch comes from a remote others push to: a runs/ that is a link never sends a run's files outside the history folder. */
class HistoryLinksSpec extends Specification {
    @TempDir
    Path tmp

    def "a history whose runs/ is a symbolic link refuses to begin a run, and writes nothing where it points"() {
        given:
        Path escape = Files.createDirectories(tmp.resolve('escape'))
        History h = History.open(tmp.resolve('history'), null, null, [:])
        Files.createSymbolicLink(tmp.resolve('history/runs'), escape)

        when:
        h.begin('plan', 'vmware-to-azure')

        then:
        IOException e = thrown()
        e.message.contains('holds runs as a symbolic link, not a folder; siteplan writes nothing through it')
        Files.list(escape).withCloseable { it.count() } == 0

        cleanup:
        h?.close()
    }
}
