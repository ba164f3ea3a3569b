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
                "(examples/broken/wrong-types.groovy, line 6) firmware in machine 'app01' expects one of 'bios', 'uefi', 'uefi-secure-boot' — got 'uefy' — did you mean 'uefi'?",
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

    def "a missing } is reported where its block was opened, not past the end of the file"() {
        expect:
        siteplan('validate', 'examples/broken/syntax-error.groovy') == ExitCode.INVALID_INPUT
        errLines() == [
                "(examples/broken/syntax-error.groovy, line 4) the block opened here with { is never closed — add its closing } (the file ended at line 6 still inside it)",
                "1 problem found; nothing was changed. Names used across files are checked once these are fixed.",
        ]
    }

    def "control characters a definition puts in a name or prints reach the terminal as escapes, never as themselves"() {
        given: 'a name that would clear the screen and set the window title, and a println that forges a line'
        def dir = java.nio.file.Files.createTempDirectory('escapes')
        dir.resolve('site.groovy').toFile().text = "println '\\u001b[31mFAKE: valid'\nmachines('lab') {\n  vmwareVm('web\\u001b[2J\\u001b]0;owned\\u0007') { os 'linux', 'CentOS 6.5' }\n  vmwareVm('web\\u001b[2J\\u001b]0;owned\\u0007') { os 'linux', 'CentOS 6.5' }\n}\n"

        when: "validated, with standard error captured too (a definition's println goes there)"
        def saved = System.err
        def printed = new ByteArrayOutputStream()
        System.setErr(new PrintStream(printed, true, 'UTF-8'))
        int code
        try {
            code = siteplan('validate', dir.toString())
        } finally {
            System.setErr(saved)
        }
        String all = out + err + printed.toString('UTF-8')

        then:
        code == ExitCode.INVALID_INPUT
        !all.contains('\u001b') && !all.contains('\u0007')
        all.contains('\\u001b[31mFAKE: valid')
        err.contains('web\\u001b[2J')

        cleanup:
        dir?.toFile()?.deleteDir()
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

    def "a YAML file of two documents is refused at the second: the values a reviewer reads last would be read by no one"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'objectives.yaml').text = 'objectives:\n  rto: 4h\n---\nobjectives:\n  rto: 8h\n'

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        errLines()[0] == "(${dir.path}/objectives.yaml, line 4) holds a second YAML document (after ---); siteplan reads one per file — move it to a file of its own"

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

    /** Writes files into a fresh folder; the caller deletes it. */
    private static File folder(Map<String, String> files) {
        def dir = File.createTempDir()
        files.each { name, text -> new File(dir, name).text = text }
        dir
    }

    def "a misspelt block name is the one problem reported, not the last of its follow-ons"() {
        given:
        def dir = folder(['site.groovy': "vmwareSit('lab') {\n    network 'VM Network', '10.1.0.0/16'\n}\n",
                          'machines.groovy': "machines('lab') {\n    vmwareVm('db01') { os 'linux', 'CentOS 6.5'; nic('nic0') { network 'VM Network' } }\n}\n"])

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        errLines() == ["(${dir.path}/site.groovy, line 1) unknown block 'vmwareSit' — did you mean 'vmwareSite'?",
                       "1 problem found; nothing was changed. Names used across files are checked once these are fixed."]

        cleanup:
        dir.deleteDir()
    }

    def "a mistake in a shared closure is reported once, with how many blocks made it"() {
        given:
        def dir = folder(['_common.groovy': "linuxDisk = { disk('root') { size 40.GB; fileSystm 'ext4' } }\n",
                          'machines.groovy': "include '_common.groovy'\nvmwareSite('lab') {}\nmachines('lab') {\n    ['a', 'b', 'c'].each { n -> vmwareVm(n) { os 'linux', 'CentOS 6.5'; linuxDisk() } }\n}\n"])

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        errLines() == ["(${dir.path}/_common.groovy, line 1) unknown property 'fileSystm' in disk 'root' of machine 'a' and 2 more blocks made by this line — did you mean 'fileSystem'?",
                       "1 problem found; nothing was changed."]

        cleanup:
        dir.deleteDir()
    }

    def "an address that is not one, a prefix past /32 and a failover IP outside its subnet are refused at their lines"() {
        given:
        def dir = folder(['estate.groovy': """azure('dr') {
    subscription '6f1a3b2c-0d4e-4f5a-9b8c-7d6e5f4a3b2c'; region 'westeurope'; resourceGroup 'rg'; vault 'v'
    network('dr-vnet') {
        addressSpace '10.20.0.0/33'
        subnet 'servers', '10.20.1.0/24'
    }
    network('other-vnet') {
        addressSpace '10.30.0.0/16'
        subnet 'servers', '10.40.1.0/24'
    }
}
vmwareSite('lab') { network 'VM Network', '10.1.0.0/16' }
machines('lab') {
    vmwareVm('db01') {
        os 'linux', 'CentOS 6.5'
        nic('nic0') { network 'VM Network'; ip '10.1.1.300' }
        failover { network 'dr-vnet'; subnet 'servers'; ip '10.20.2.10' }
    }
}
"""])

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        errLines() == ["(${dir.path}/estate.groovy, line 3) addressSpace of network 'dr-vnet' of azure target 'dr': '10.20.0.0/33' is not a prefix in CIDR form — write an address and a length from 0 to 32, such as 10.20.0.0/16",
                       "(${dir.path}/estate.groovy, line 9) subnet 'servers' of network 'other-vnet' of azure target 'dr' has prefix 10.40.1.0/24, outside the network's address space 10.30.0.0/16 — choose a prefix inside it, or widen the address space",
                       "(${dir.path}/estate.groovy, line 16) ip of nic 'nic0' of machine 'db01': '10.1.1.300' is not an IPv4 address — write four numbers from 0 to 255 separated by dots, such as 10.1.1.10",
                       "(${dir.path}/estate.groovy, line 17) failover settings of machine 'db01' give ip 10.20.2.10, outside subnet 'servers' (10.20.1.0/24) it fails over into — choose an address in 10.20.1.0/24, or another subnet",
                       "4 problems found; nothing was changed."]

        cleanup:
        dir.deleteDir()
    }
}
