package siteplan.files

import java.nio.file.Files
import java.nio.file.Path
import siteplan.model.ActionKind
import siteplan.model.PlanAction
import siteplan.model.RecoveryGroup
import siteplan.model.RecoveryPlan
import spock.lang.Specification
import spock.lang.TempDir

/** The check a definition's load and a run's preflight share: every script a recovery plan names can be run. */
class ScriptProblemsSpec extends Specification {
    @TempDir
    Path dir

    def "a mistyped script is named with its group and plan, and the folder it was looked for in"() {
        given:
        Files.createDirectories(dir.resolve('scripts'))
        Files.writeString(dir.resolve('scripts/check-sql.sh'), 'exit 0\n')
        def plan = new RecoveryPlan('erp', 'ams', 'dr', [
                new RecoveryGroup([], [], [new PlanAction(ActionKind.SCRIPT, 'scripts/check-sql.sh', null)]),
                new RecoveryGroup([], [new PlanAction(ActionKind.MANUAL, 'call the DBA', null)], [new PlanAction(ActionKind.SCRIPT, 'scripts/check-sq.sh', null)])], null)

        when:
        def problems = DefinitionPaths.scriptProblems(dir, plan)

        then:
        problems*.message() == ["script 'scripts/check-sq.sh' of group 2 of recovery plan 'erp' does not exist under " + DefinitionPaths.display(dir)
                                        + " — check its spelling; scripts are named relative to the definition folder"]
    }

    def "the working directory reads as '.', never as nothing"() {
        expect:
        DefinitionPaths.display(Path.of('')) == '.'
    }
}
