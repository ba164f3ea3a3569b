package siteplan.cli

/**
 * Every kind of mistake in a definition is reported with its file and line, in words that say what
 * to do, all at once, with exit code 1 and no stack trace.
 */
class DefinitionErrorsSpec extends CliSpecification {

    def "a misspelt property is named with the block it is in and the word that was meant"() {
        expect:
        siteplan('validate', 'examples/broken/typo.groovy') == ExitCode.INVALID_INPUT
        errLines() == [
                "(examples/broken/typo.groovy, line 6) unknown property 'chrun' in machine 'erp-db01' — did you mean 'churn'?",
                "(examples/broken/typo.groovy, line 7) unknown property 'iosp' in disk 'data' of machine 'erp-db01' — did you mean 'iops'?",
                "2 problems found; nothing was changed.",
        ]
        out.isEmpty()
    }

    def "a value of the wrong type says what was expected and what was written"() {
        expect:
        siteplan('validate', 'examples/broken/wrong-types.groovy') == ExitCode.INVALID_INPUT
        errLines() == [
                "(examples/broken/wrong-types.groovy, line 6) firmware in machine 'app01' expects one of 'bios', 'uefi' — got 'uefy' — did you mean 'uefi'?",
                "(examples/broken/wrong-types.groovy, line 7) clustered in machine 'app01' expects true or false, such as true — got 'no' (text)",
                "(examples/broken/wrong-types.groovy, line 8) size in disk 'c' of machine 'app01' expects a data size — got 120 without a unit; write 120.GB (or .KB, .MB, .TB)",
                "(examples/broken/wrong-types.groovy, line 9) account in mobility service of machine 'app01' expects a reference, secret('name') or env('NAME'), never the value itself — got text",
                "4 problems found; nothing was changed.",
        ]
    }

    def "a secret written as its value never appears in any output"() {
        when:
        siteplan('validate', 'examples/broken/wrong-types.groovy')

        then:
        !(out + err).contains('P@ssw0rd!')
    }

    def "a missing required value is reported at the start of its block with what to add"() {
        expect:
        siteplan('validate', 'examples/broken/missing-required.groovy') == ExitCode.INVALID_INPUT
        errLines() == [
                "(examples/broken/missing-required.groovy, line 4) machine 'app02' has no os — add: os 'windows', 'Windows Server 2012 R2'",
                "(examples/broken/missing-required.groovy, line 5) disk 'c' of machine 'app02' has no size — add: size 100.GB",
                "(examples/broken/missing-required.groovy, line 9) replication policy 'silver' has no appConsistentFrequency — add: appConsistentFrequency 60.minutes",
                "(examples/broken/missing-required.groovy, line 9) replication policy 'silver' has no retention — add: retention 24.hours",
                "4 problems found; nothing was changed.",
        ]
    }

    def "a name declared twice is reported at the second place with the first"() {
        expect:
        siteplan('validate', 'examples/broken/duplicates') == ExitCode.INVALID_INPUT
        errLines() == [
                "(examples/broken/duplicates/b.groovy, line 4) machine 'erp-db01' is declared twice (first at examples/broken/duplicates/a.groovy, line 6)",
                "(examples/broken/duplicates/b.groovy, line 7) disk 'c' of machine 'erp-db01' is declared twice (first at examples/broken/duplicates/b.groovy, line 6)",
                "2 problems found; nothing was changed.",
        ]
    }

    def "a reference to something never declared suggests what was declared"() {
        expect:
        siteplan('validate', 'examples/broken/dangling.groovy') == ExitCode.INVALID_INPUT
        errLines() == [
                "(examples/broken/dangling.groovy, line 6) nic 'nic0' of machine 'erp-db01' uses network 'VM Netwrok', which is never declared — did you mean 'VM Network'?",
                "(examples/broken/dangling.groovy, line 16) protection group 'erp' uses machine 'erp-db02', which is never declared — did you mean 'erp-db01'?",
                "(examples/broken/dangling.groovy, line 16) protection group 'erp' uses master target 'mt02', which is never declared — did you mean 'mt01'?",
                "(examples/broken/dangling.groovy, line 16) protection group 'erp' uses policy 'gold', which is never declared — did you mean 'golden'?",
                "(examples/broken/dangling.groovy, line 29) recovery plan 'erp' uses machine 'erp-app01', which is never declared — declared: 'erp-db01'",
                "5 problems found; nothing was changed.",
        ]
    }

    def "a syntax error points at the line and suggests the usual cause"() {
        expect:
        siteplan('validate', 'examples/broken/syntax-error.groovy') == ExitCode.INVALID_INPUT
        errLines() == [
                "(examples/broken/syntax-error.groovy, line 7) Unexpected input: '('lab') {' — is a closing } or ) missing?",
                "1 problem found; nothing was changed. Names used across files are checked once these are fixed.",
        ]
    }

    def "schema errors in YAML give the JSON pointer and the YAML line"() {
        expect:
        siteplan('validate', 'examples/broken/bad-estate.yaml') == ExitCode.INVALID_INPUT
        errLines() == [
                "(examples/broken/bad-estate.yaml, line 9) /machines/0/disks/0: unknown property 'chrun' — did you mean 'churn'?",
                "(examples/broken/bad-estate.yaml, line 10) /machines/0/disks/0/size: 500 has no unit — write it with one, such as 500GB",
                "(examples/broken/bad-estate.yaml, line 15) /machines/1/os: 'windoze' is not one of 'windows', 'linux' — did you mean 'windows'?",
                "(examples/broken/bad-estate.yaml, line 16) /machines/1/osVersion: expects text; 2012 is a number — write it in quotes: \"2012\"",
                "(examples/broken/bad-estate.yaml, line 18) /replicationPolicies/0: 'appConsistentFrequency' is required here and missing",
                "(examples/broken/bad-estate.yaml, line 20) /replicationPolicies/0/retention: 'a day' is not a duration such as 15min, 24h or 90d",
                "6 problems found; nothing was changed. Names used across files are checked once these are fixed.",
        ]
    }

    def "the same reference mistake reads the same in JSON as in Groovy"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'estate.json').text = '''{
  "vmwareSites": [ { "name": "lab" } ],
  "machines": [
    { "name": "db01", "kind": "vmware-vm", "site": "labb", "os": "linux", "osVersion": "CentOS 6.5" }
  ]
}'''

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        errLines()[0] == "(${dir.path}/estate.json, line 4) machine 'db01' uses site 'labb', which is never declared — did you mean 'lab'?"

        cleanup:
        dir.deleteDir()
    }

    def "a path that does not exist is an input error, not a crash"() {
        expect:
        siteplan('validate', 'examples/no-such-estate') == ExitCode.INVALID_INPUT
        errLines() == ["(examples/no-such-estate) no such file or folder",
                       "1 problem found; nothing was changed. Names used across files are checked once these are fixed."]
    }

    def "a word used with the wrong arguments shows how it is written"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'estate.groovy').text = '''vmwareSite('lab') {
    network 'VM Network'
}
machines('lab') {
    vmwareVm('db01') {
        os 'linux', 'CentOS 6.5'
        disk 'root'
        os
    }
}
vmwareSite {
}
'''

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        errLines().findAll { it.startsWith('(') }*.replace(dir.path + '/', '') == [
                "(estate.groovy, line 7) disk in machine 'db01' is written disk(name) { … } — got 'root' (text)",
                "(estate.groovy, line 8) os in machine 'db01' needs a value — write: os family, version",
                "(estate.groovy, line 11) vmwareSite is written vmwareSite(name) { … } — got a { … } block",
        ]

        cleanup:
        dir.deleteDir()
    }

    def "a definition may check its own inputs with assert"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'estate.groovy').text = 'def webServers = 2\nassert webServers >= 3\n'

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        errLines()[0] == "(${dir.path}/estate.groovy, line 2) assertion failed: assert webServers >= 3"
        !err.contains('\tat ')

        cleanup:
        dir.deleteDir()
    }
}
