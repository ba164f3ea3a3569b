package siteplan.executor.drill

import siteplan.executor.apply.ApplyStatus
import siteplan.executor.apply.JournalEvent
import siteplan.executor.apply.StepStatus
import siteplan.model.Token
import siteplan.model.json.ModelJson
import spock.lang.Specification

/**
 * The run enums are written with the words reports, results, journals and history have always held:
 * tools read report.json, result.json and journal.jsonl, so a word must never change with the code.
 */
class RunWordsSpec extends Specification {

    def "each run enum writes the words runs have always written"() {
        expect:
        type.enumConstants*.token() == words

        where:
        type           | words
        RunKind        | ['drill', 'planned-failover', 'unplanned-failover', 'commit', 'reprotect', 'failback']
        RunStatus      | ['passed', 'succeeded', 'failed', 'stopped']
        MachineOutcome | ['up', 'failed', 'skipped', 'stopped']
        ActionPhase    | ['before', 'after']
        ActionOutcome  | ['done', 'failed', 'stopped', 'timed out']
        CheckOutcome   | ['passed', 'failed']
        CleanupOutcome | ['removed', 'failed', 'nothing to clean']
        ApplyStatus    | ['succeeded', 'failed', 'interrupted']
        StepStatus     | ['changed', 'already', 'settled', 'failed', 'skipped']
        JournalEvent   | ['apply-started', 'started', 'retry', 'done', 'failed', 'skipped', 'settling', 'settled',
                          'apply-succeeded', 'apply-failed', 'apply-interrupted']
    }

    def "JSON writes the word, including the words with spaces"() {
        expect:
        ModelJson.JSON.writeValueAsString(value) == "\"${word}\"".toString()

        where:
        value                           | word
        ActionOutcome.TIMED_OUT         | 'timed out'
        CleanupOutcome.NOTHING_TO_CLEAN | 'nothing to clean'
        RunKind.PLANNED_FAILOVER        | 'planned-failover'
    }

    def "a word read back is the enum it came from"() {
        expect:
        Token.parse(ActionOutcome, 'timed out') == ActionOutcome.TIMED_OUT
        Token.parse(RunKind, 'unplanned-failover') == RunKind.UNPLANNED_FAILOVER
    }

    def "a finished apply's journal ends with its status"() {
        expect:
        ApplyStatus.values().collect { JournalEvent.ended(it).token() } == ['apply-succeeded', 'apply-failed', 'apply-interrupted']
    }
}
