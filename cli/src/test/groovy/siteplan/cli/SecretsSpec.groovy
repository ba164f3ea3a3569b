package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.Constants
import org.eclipse.jgit.revwalk.RevWalk
import org.eclipse.jgit.treewalk.TreeWalk

/** Credentials are resolved when an operation needs them and appear nowhere siteplan writes. */
class SecretsSpec extends ExecutorSpecification {

    /** Every text siteplan produced: its output, every file under the work folder, and every blob and message of every history commit. */
    List<String> everything(Path root, List<String> outputs) {
        def texts = new ArrayList<String>(outputs)
        Files.walk(root).filter { Files.isRegularFile(it) }.forEach { texts << new String(Files.readAllBytes(it), 'ISO-8859-1') }
        Files.walk(root).filter { Files.isDirectory(it.resolve('.git')) }.forEach { repoDir ->
            Git.open(repoDir.toFile()).withCloseable { git ->
                def repo = git.repository
                repo.refDatabase.refs.each { ref ->
                    new RevWalk(repo).withCloseable { walk ->
                        walk.markStart(walk.parseCommit(ref.objectId))
                        walk.each { commit ->
                            texts << commit.fullMessage
                            new TreeWalk(repo).withCloseable { tw ->
                                tw.addTree(commit.tree)
                                tw.recursive = true
                                while (tw.next()) texts << new String(repo.open(tw.getObjectId(0), Constants.OBJ_BLOB).bytes, 'UTF-8')
                            }
                        }
                    }
                }
            }
        }
        texts
    }

    def "after a full apply and drill no secret value appears in any output, plan, log, report, state or history commit"() {
        given: 'a drill script that prints its whole environment, as a careless script would'
        def dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0
        write(dir.resolve('scripts/check-sql.sh'), '#!/bin/sh\necho "environment of the script:"; env | sort\n')
        dir.resolve('scripts/check-sql.sh').toFile().setExecutable(true)
        def outputs = []

        when:
        def plan = tmp.resolve('plan.json')
        [['plan', dir.toString(), '-out', plan.toString()],
         ['apply', plan.toString(), dir.toString()],
         ['drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack'],
         ['drill', dir.toString(), '--recovery-plan', 'linux-services', '--ack'],
         ['history', '--state', state(dir).toString()]].each { args ->
            assert run(*args) == 0: err
            outputs << out << err
        }
        def texts = everything(tmp, outputs)

        then: 'the operations that need the secrets ran'
        outputs.join('\n') =~ /\+ protection\.web01: done/
        outputs.join('\n') =~ /\+ master_target\.\S+: done|\+ process_server\.\S+: done|protection\.erp-db01: done/
        texts.any { it.contains('environment of the script:') }
        texts.size() > 20

        and: 'no value, anywhere'
        SECRETS.each { name, value ->
            def found = texts.findAll { it.contains(value) }
            assert found.isEmpty(): "${name}'s value appears in ${found.size()} outputs"
        }
        and: 'and no secret variable reached the script'
        !texts.any { it.contains('environment of the script:') && it.contains('SITEPLAN_SECRET_') }
    }

    def "a secret store file works as well as the environment"() {
        given:
        def dir = estate()
        def store = tmp.resolve('secrets.properties')
        write(store, SECRETS.collect { k, v -> k.replace('SITEPLAN_SECRET_', '').toLowerCase().replace('_', '-') + '=' + v }.join('\n') + '\n')
        SECRETS.keySet().each { env.remove(it) }
        env.SITEPLAN_SECRETS_FILE = store.toString()

        expect:
        run('apply', dir.toString(), '--auto-approve') == ExitCode.OK
        !SECRETS.values().any { out.contains(it) || err.contains(it) }
    }
}
