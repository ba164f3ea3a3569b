package siteplan.planner

import spock.lang.Unroll

/** Source machine rules (seed 000 "Considerations for the source environment"), each on both sides of its limit. */
class SourceRulesSpec extends PlanningSpecification {

    @Unroll
    def "#rule: #what"() {
        when:
        def p = plan(extra)

        then:
        findings(p, rule)*.message() == (message ? [message] : [])

        where:
        rule             | what                                   | extra                                                                                              || message
        'SRC-DISK-SIZE'  | '1023 GB is the largest disk'          | winVm('t1', "disk('d') { size 1023.GB }")                                                          || null
        'SRC-DISK-SIZE'  | '1024 GB is too large'                 | winVm('t1', "disk('d') { size 1024.GB }")                                                          || 'disk d of t1 is 1 TB (limit 1023 GB)'
        'SRC-DISK-COUNT' | '31 disks'                             | winVm('t1', "(1..31).each { n -> disk(\"d\$n\") { size 10.GB } }")                                 || null
        'SRC-DISK-COUNT' | '32 disks'                             | winVm('t1', "(1..32).each { n -> disk(\"d\$n\") { size 10.GB } }")                                 || 't1 has 32 disks (limit 31)'
        'SRC-CHURN'      | '1 TB a day'                           | winVm('t1', "(1..8).each { n -> disk(\"d\$n\") { size 500.GB; churn 128.GB } }")                   || null
        'SRC-CHURN'      | 'more than 1 TB a day'                 | winVm('t1', "(1..8).each { n -> disk(\"d\$n\") { size 500.GB; churn 129.GB } }")                   || 't1 changes 1.01 TB/day (limit 1 TB/day)'
        'SRC-DISK-CHURN' | '144 GB a day at 8 KB'                 | winVm('t1', "disk('d') { size 500.GB; churn 144.GB }")                                             || null
        'SRC-DISK-CHURN' | '145 GB a day at 8 KB'                 | winVm('t1', "disk('d') { size 500.GB; churn 145.GB }")                                             || 'disk d of t1 changes 145 GB/day (limit 144 GB/day at 8 KB writes)'
        'SRC-DISK-CHURN' | '288 GB a day at 16 KB'                | winVm('t1', "disk('d') { size 500.GB; churn 288.GB; writeSize 16.KB }")                            || null
        'SRC-DISK-CHURN' | '73 GB a day at 4 KB'                  | winVm('t1', "disk('d') { size 500.GB; churn 73.GB; writeSize 4.KB }")                              || 'disk d of t1 changes 73 GB/day (limit 72 GB/day at 4 KB writes)'
        'SRC-DISK-IOPS'  | '250 IOPS on a disk'                   | winVm('t1', "disk('d') { size 100.GB; iops 250 }")                                                 || null
        'SRC-DISK-IOPS'  | '251 IOPS on a disk'                   | winVm('t1', "disk('d') { size 100.GB; iops 251 }")                                                 || 'disk d of t1 does 251 IOPS (limit 250: 2 target IOs each, 500 per target disk)'
        'SRC-IOPS'       | '10,000 IOPS on a machine'             | winVm('t1', "(1..25).each { n -> disk(\"d\$n\") { size 10.GB; iops 200 } }; iops 10000")           || null
        'SRC-IOPS'       | '10,001 IOPS on a machine'             | winVm('t1', "(1..25).each { n -> disk(\"d\$n\") { size 10.GB } }; iops 10001")                     || 't1 does 10001 IOPS (limit 10000 per machine)'
        'SRC-NAME'       | 'a 63-character name'                  | winVm('a' * 63, "disk('c') { size 10.GB }")                                                        || null
        'SRC-NAME'       | 'a 64-character name'                  | winVm('a' * 64, "disk('c') { size 10.GB }")                                                        || "Azure name '${'a' * 64}' of ${'a' * 64} must be 1-63 letters, digits and hyphens, starting and ending with a letter or digit — set failover { azureName '…' }"
        'SRC-NAME'       | 'an azureName fixes an awkward name'   | winVm('t_1', "failover { azureName 't-1' }")                                                       || null
        'SRC-UNSUPPORTED'| 'BIOS boot'                            | winVm('t1', "firmware 'bios'")                                                                     || null
        'SRC-UNSUPPORTED'| 'UEFI boot'                            | winVm('t1', "firmware 'uefi'")                                                                     || 't1 cannot be protected: it boots with UEFI/EFI'
        'SRC-UNSUPPORTED'| 'a cluster member'                     | winVm('t1', "clustered true")                                                                      || 't1 cannot be protected: it is a cluster member'
        'SRC-UNSUPPORTED'| 'BitLocker'                            | winVm('t1', "disk('d') { size 10.GB; bitlocker true }")                                            || 't1 cannot be protected: disk d is BitLocker-encrypted'
        'SRC-UNSUPPORTED'| 'a Windows dynamic disk'               | winVm('t1', "disk('d') { size 10.GB; dynamic true }")                                              || 't1 cannot be protected: disk d is a Windows dynamic disk'
        'SRC-UNSUPPORTED'| 'Windows on D:'                        | winVm('t1', "disk('d') { size 10.GB; boot true; mount 'D:' }")                                     || 't1 cannot be protected: Windows is on D:, not C:\\'
        'SRC-OS'         | 'Windows Server 2008 R2 SP1'           | winVm('t1', "os 'windows', 'Windows Server 2008 R2 SP1'")                                          || null
        'SRC-OS'         | 'Windows Server 2003'                  | winVm('t1', "os 'windows', 'Windows Server 2003'")                                                 || 't1 runs Windows Server 2003, which is not supported; supported: Windows Server 2012 R2, Windows Server 2012, Windows Server 2008 R2 SP1, CentOS 6.4, CentOS 6.5, CentOS 6.6, Oracle Linux 6.4, Oracle Linux 6.5, SLES 11 SP3'
        'SRC-OS'         | 'a 32-bit system'                      | winVm('t1', "bits 32")                                                                             || 't1 runs a 32-bit OS; only 64-bit systems are protected'
        'SRC-ASCII'      | 'an ASCII mount point'                 | winVm('t1', "disk('d') { size 10.GB; mount 'D:' }")                                                || null
        'SRC-ASCII'      | 'a mount point that is not ASCII'      | winVm('t1', "disk('d') { size 10.GB; mount '/données' }")                                          || "'/données' on t1 is not plain ASCII; host names, mount points and device names must be"
        'SRC-VMWARE'     | 'VMware Tools running'                 | winVm('t1', "tools 'running'")                                                                     || null
        'SRC-VMWARE'     | 'VMware Tools not running'             | winVm('t1', "tools 'not-running'")                                                                 || 'VMware Tools on t1 are not running; they must be installed and running'
    }

    @Unroll
    def "SRC-LINUX-FS: #fs on Linux is #verdict"() {
        when:
        def p = plan("""machines('lab') { vmwareVm('l1') { os 'linux', 'CentOS 6.5'; tags 'lnx'; nic('n0') { network 'VM Network' }
            disk('root') { size 40.GB; fileSystem '${fs}' } } }""")

        then:
        findings(p, 'SRC-LINUX-FS')*.message() == (ok ? [] : ["disk root of l1 uses ${fs}; supported: ext3, ext4, reiserfs, xfs" as String])

        where:
        fs     | ok
        'ext4' | true
        'XFS'  | true
        'btrfs'| false
        verdict = ok ? 'supported' : 'refused'
    }

    def "SRC-TOTAL-SIZE: a source must fit the data-disk slots of its one master target"() {
        given:
        def sixteen = "(1..16).each { n -> disk(\"d\$n\") { size 10.GB } }"

        expect: 'an A4 (15 data disks) cannot take 16 disks; a D14 (31) can'
        findings(plan("machines('lab') { vmwareVm('l1') { os 'linux', 'CentOS 6.5'; tags 'lnx'; nic('n0') { network 'VM Network' }\n${sixteen} } }"), 'SRC-TOTAL-SIZE')*.message() ==
                ['l1 has 16 disks but master target mt02 (A4) has 15 data-disk slots; a source never spans master targets — use a D14']
        findings(plan(winVm('t1', sixteen)), 'SRC-TOTAL-SIZE').isEmpty()
    }

    def "SRC-VMWARE: vCenter and ESXi 5.1 or 5.5"() {
        expect:
        findings(plan('', ["host('esx01') { version '5.5'": "host('esx01') { version '5.1'"]), 'SRC-VMWARE').isEmpty()
        findings(plan('', ["host('esx01') { version '5.5'": "host('esx01') { version '6.0'"]), 'SRC-VMWARE')*.message() ==
                ['ESXi host esx01 is version 6.0; supported: 5.1, 5.5']
        findings(plan('', ["vcenter('vc01') { version '5.5'": "vcenter('vc01') { version '6.0'"]), 'SRC-VMWARE')*.message() ==
                ['vCenter vc01 is version 6.0; supported: 5.1, 5.5']
    }

    def "SRC-UNSUPPORTED: HP CCISS storage on a physical Linux server"() {
        given:
        def server = { String controller -> """machines('lab') { physicalServer('p1') { os 'linux', 'CentOS 6.5'; tags 'lnx'; controller '${controller}'
            nic('n0') { network 'VM Network' }; disk('root') { size 40.GB } } }""" }

        expect:
        findings(plan(server('standard')), 'SRC-UNSUPPORTED').isEmpty()
        findings(plan(server('hp-cciss')), 'SRC-UNSUPPORTED')*.message() == ['p1 cannot be protected: its storage is on an HP CCISS controller']
    }

    def "a profile is data: asr-2017 allows the 4 TB disk that asr-2015 refuses"() {
        given:
        def big = winVm('t1', "disk('d') { size 4095.GB }")

        expect:
        findings(plan(big), 'SRC-DISK-SIZE')*.message() == ['disk d of t1 is 4 TB (limit 1023 GB)']
        findings(plan(big, [:], 'asr-2017'), 'SRC-DISK-SIZE').isEmpty()
        findings(plan(winVm('t1', "disk('d') { size 4096.GB }"), [:], 'asr-2017'), 'SRC-DISK-SIZE')*.message() == ['disk d of t1 is 4 TB (limit 4 TB)']
    }
}
