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

    def "the write check and the recovery of interrupted runs refuse a runs/ link before they touch where it points"() {
        given: 'runs/ links to a folder that looks like a killed run of this host'
        Path victim = Files.createDirectories(tmp.resolve('victim'))
        Files.createDirectories(victim.resolve('sub/.scratch'))
        Files.writeString(victim.resolve('sub/.scratch/precious'), 'keep me\n')
        Files.writeString(victim.resolve('sub/RUNNING'), "host=${EstateLock.host()}\npid=999999\n")
        History h = History.open(tmp.resolve('history'), null, null, [:])
        Files.createSymbolicLink(tmp.resolve('history/runs'), victim)

        when:
        h.checkWritable()

        then:
        History.Unusable unusable = thrown()
        unusable.message.endsWith('holds runs as a symbolic link, not a folder; siteplan writes nothing through it. Remove it from the branch (a commit that deletes runs and restores the folder). Nothing was changed.')

        when:
        h.recoverInterrupted()

        then:
        IOException e = thrown()
        e.message.contains('holds runs as a symbolic link')
        and: 'nothing where it points was written, read as a run, or deleted'
        Files.readString(victim.resolve('sub/.scratch/precious')) == 'keep me\n'
        Files.exists(victim.resolve('sub/RUNNING'))
        Files.list(victim).withCloseable { it.toList()*.fileName*.toString() } == ['sub']

        cleanup:
        h?.close()
    }
}
