package siteplan.planner

import spock.lang.Unroll

/** Process server, configuration server, master target and storage rules (seed 000 Tables 1-3), each on both sides. */
class ServerRulesSpec extends PlanningSpecification {

    /** n Windows VMs in 'win', each with one disk of the given daily churn. */
    static String churners(int n, String churn, String extra = '') {
        "machines('lab') { (1..${n}).each { i -> vmwareVm(\"c\${i}\") { os 'windows', 'Windows Server 2012 R2'; tags 'win'; nic('n0') { network 'VM Network' }; disk('d') { size 900.GB; churn ${churn} } ${extra} } } }"
    }

    def "PS-CHURN: 1 TB a day on one process server, and just over it, listing the largest machines"() {
        expect: 'base01 (10 GB) and base02 (4 GB) are on ps01 too'
        findings(plan(churners(7, '144.GB') + "\nmachines('lab') { vmwareVm('c8') { os 'windows', 'Windows Server 2012 R2'; tags 'win'; nic('n0') { network 'VM Network' }; disk('d') { size 100.GB; churn 2.GB } } }"), 'PS-CHURN').isEmpty()
        findings(plan(churners(7, '144.GB') + "\nmachines('lab') { vmwareVm('c8') { os 'windows', 'Windows Server 2012 R2'; tags 'win'; nic('n0') { network 'VM Network' }; disk('d') { size 100.GB; churn 3.GB } } }"), 'PS-CHURN')*.message() ==
                ['process server ps01 carries 1025 GB/day (limit 1024 GB/day): c1 0.14, c2 0.14, c3 0.14, c4 0.14, c5 0.14, c6 0.14, … — add another process server']
        findings(plan(churners(10, '144.GB')), 'PS-CHURN')*.message() ==
                ['process server ps01 carries 1.42 TB/day (limit 1 TB/day): c1 0.14, c10 0.14, c2 0.14, c3 0.14, c4 0.14, c5 0.14, … — add another process server']
    }

    @Unroll
    def "PS-SIZING and PS-BANDWIDTH: #what"() {
        when:
        def p = plan(churners(3, '110.GB'), ['vcpu 12; memory 8.GB': server, 'uplink 100.Mbps': uplink])

        then: '344 GB a day is the 300-600 GB band: 8 vCPU, 6 GB, 42 Mbps egress'
        findings(p, 'PS-SIZING')*.message() == sizing
        findings(p, 'PS-BANDWIDTH')*.message() == bandwidth

        where:
        what                   | server                 | uplink         || sizing                                                                                                              | bandwidth
        'a server that fits'   | 'vcpu 8; memory 6.GB'  | 'uplink 42.Mbps' || []                                                                                                                 | []
        'a server too small'   | 'vcpu 4; memory 4.GB'  | 'uplink 41.Mbps' || ['process server ps01 has 4 GB memory; the 344 GB/day band (up to 600 GB) wants 6 GB',
                                                                              'process server ps01 has 4 vCPUs; the 344 GB/day band (up to 600 GB) wants 8']                             | ['process server ps01 uplink 41Mbps is below the 42Mbps egress the 344 GB/day band (up to 600 GB) needs (30% compression assumed)']
    }

    def "PS-CACHE: a 600 GB cache drive is needed, a 128 GB OS disk recommended"() {
        expect:
        findings(plan('', ['cacheDisk 600.GB; osDisk 128.GB': 'cacheDisk 599.GB; osDisk 127.GB']), 'PS-CACHE').collect { "${it.severity().token()}: ${it.message()}" as String } ==
                ['error: process server ps01 has a 599 GB cache disk (at least 600 GB)', 'warning: process server ps01 has a 127 GB OS disk; 128 GB or more is recommended']
    }

    def "PS-VMWARE-DISCOVERY: one on-premises process server has vSphere CLI 5.5.0"() {
        expect:
        findings(plan('', ["vsphereCli '5.5.0'": "vsphereCli '5.1.0'"]), 'PS-VMWARE-DISCOVERY')*.message() ==
                ["no on-premises process server of site lab can discover vCenter vc01: one needs vSphere CLI 5.5.0 (vsphereCli '5.5.0') on the vCenter's network"]
    }

    def "CS-SOURCES: 100 machines per configuration server"() {
        given:
        def many = { int n -> "machines('lab') { (1..${n}).each { i -> vmwareVm(\"s\${i}\") { os 'windows', 'Windows Server 2012 R2'; tags 'win'; nic('n0') { network 'VM Network' }; disk('c') { size 10.GB } } } }" }
        def roomy = ["size 'D14'; os 'windows', 'Windows Server 2012 R2'; network 'dr-vnet'": "dataDisks 200; os 'windows', 'Windows Server 2012 R2'; network 'dr-vnet'"]

        expect: 'base01 and base02 count too'
        findings(plan(many(98), roomy), 'CS-SOURCES').isEmpty()
        findings(plan(many(99), roomy), 'CS-SOURCES')*.message() == ['configuration server cs01 serves 101 protected machines (limit 100) — deploy another configuration server (2 needed)']
    }

    def "CS-IP: not one of the first four addresses of the subnet"() {
        expect:
        findings(plan('', ["ip '10.0.0.10'": "ip '10.0.0.4'"]), 'CS-IP').isEmpty()
        findings(plan('', ["ip '10.0.0.10'": "ip '10.0.0.3'"]), 'CS-IP')*.message() ==
                ['configuration server cs01 has 10.0.0.3, one of the first 4 addresses of subnet infra (10.0.0.0/24), which Azure reserves']
    }

    def "CS-SIZE: Site Recovery deploys a Standard A3"() {
        expect:
        findings(plan('', ["ip '10.0.0.10'": "ip '10.0.0.10'; vmSize 'Standard_A3'"]), 'CS-SIZE').isEmpty()
        findings(plan('', ["ip '10.0.0.10'": "ip '10.0.0.10'; vmSize 'Standard_A2'"]), 'CS-SIZE')*.message() ==
                ['configuration server cs01 is declared Standard_A2; Site Recovery deploys it as Standard_A3 (4 cores, 7 GB)']
    }

    def "CS-RESERVED-IP: servers in Azure against the subscription's reserved IPs"() {
        expect: 'the configuration server and two master targets need 3'
        findings(plan('', ["vault 'vault'": "vault 'vault'; reservedPublicIpLimit 3"]), 'CS-RESERVED-IP').isEmpty()
        findings(plan('', ["vault 'vault'": "vault 'vault'; reservedPublicIpLimit 2"]), 'CS-RESERVED-IP')*.message() ==
                ['servers in Azure for dr need 3 reserved public IPs; the subscription allows 2 — raise the limit (reservedPublicIpLimit) or use fewer servers']
    }

    def "CS-REG-KEY: a registration key is valid for 5 days"() {
        expect:
        findings(plan('', ["vault 'vault'": "vault 'vault'; registrationKeyIssued '2026-11-16'"]), 'CS-REG-KEY').isEmpty()
        findings(plan('', ["vault 'vault'": "vault 'vault'; registrationKeyIssued '2026-11-15'"]), 'CS-REG-KEY')*.message() ==
                ['the registration key of vault vault was downloaded 6 days ago; keys are valid 5 days — download a new one before registering servers']
    }

    def "MT-SIZE: a size of A4 or D14, or an explicit shape"() {
        expect:
        findings(plan('', ["size 'A4'": "dataDisks 15"]), 'MT-SIZE').isEmpty()
        findings(plan('', ["size 'A4'": "size 'A9'"]), 'MT-SIZE')*.message() == ['master target mt02 has unknown size A9 — use A4 or D14, or declare dataDisks']
    }

    def "MT-DATA-DISKS: all disks on a master target fit its slots"() {
        given:
        def lnx = { int n -> "machines('lab') { (1..${n}).each { i -> vmwareVm(\"l\${i}\") { os 'linux', 'CentOS 6.5'; tags 'lnx'; nic('n0') { network 'VM Network' }; disk('root') { size 10.GB } } } }" }

        expect: 'base02 has one disk on the A4 too'
        findings(plan(lnx(14)), 'MT-DATA-DISKS').isEmpty()
        findings(plan(lnx(15)), 'MT-DATA-DISKS')*.message() == ['master target mt02 receives 16 disks from 16 machines; it has 15 data-disk slots — add a master target or use a larger size']
    }

    def "MT-OS: a Linux machine on a Windows master target"() {
        expect:
        findings(plan("machines('lab') { vmwareVm('l1') { os 'linux', 'CentOS 6.5'; tags 'lnx'; nic('n0') { network 'VM Network' }; disk('root') { size 10.GB } } }"), 'MT-OS').isEmpty()
        findings(plan("machines('lab') { vmwareVm('l1') { os 'linux', 'CentOS 6.5'; tags 'win'; nic('n0') { network 'VM Network' }; disk('root') { size 10.GB } } }"), 'MT-OS')*.message() ==
                ['l1 runs linux but master target mt01 runs windows; linux machines need a linux master target']
    }

    def "MT-RETENTION-SIZE: daily churn times retention days"() {
        expect: 'base01 changes 10 GB a day, kept 24 h'
        findings(plan('', ["retention { size 2.TB; disks 8 }": "retention { size 10.GB; disks 8 }"]), 'MT-RETENTION-SIZE').isEmpty()
        findings(plan('', ["retention { size 2.TB; disks 8 }": "retention { size 9.GB; disks 8 }"]), 'MT-RETENTION-SIZE')*.message() ==
                ['master target mt01 needs 10 GB of retention (daily churn x retention days of its machines); its retention volume is 9 GB']
        findings(plan('', ["retention 24.hours": "retention 72.hours", "retention { size 2.TB; disks 8 }": "retention { size 29.GB; disks 8 }"]), 'MT-RETENTION-SIZE')*.message() ==
                ['master target mt01 needs 30 GB of retention (daily churn x retention days of its machines); its retention volume is 29 GB']
    }

    def "MT-RETENTION-DRIVES: stripe enough drives for the IOPS and churn"() {
        expect: 'ten 200-IOPS machines and base01 need ceil(2050 / 500) = 5 drives'
        findings(plan(churners(10, '1.GB', "; iops 200"), ["retention { size 2.TB; disks 8 }": "retention { size 2.TB; disks 5 }"]), 'MT-RETENTION-DRIVES').isEmpty()
        findings(plan(churners(10, '1.GB', "; iops 200"), ["retention { size 2.TB; disks 8 }": "retention { size 2.TB; disks 4 }"]), 'MT-RETENTION-DRIVES')*.message() ==
                ['the retention volume of master target mt01 should stripe 5 drives (2050 source IOPS / 500, churn / 287 GB a day per drive); 4 declared']
    }

    def "MT-RETENTION-1TB: over 1 TB pools several disks"() {
        expect:
        findings(plan('', ["retention { size 2.TB; disks 8 }": "retention { size 1.TB }"]), 'MT-RETENTION-1TB').isEmpty()
        findings(plan('', ["retention { size 2.TB; disks 8 }": "retention { size 1025.GB }"]), 'MT-RETENTION-1TB')*.message() ==
                ['the 1 TB retention volume of master target mt01 is over 1 TB: pool several disks (storage spaces) and declare disks']
    }

    def "SA-COUNT: one storage account per 10,000 source IOPS"() {
        given:
        def heavy = { int iops -> "machines('lab') { vmwareVm('h1') { os 'windows', 'Windows Server 2012 R2'; tags 'win'; nic('n0') { network 'VM Network' }; (1..40).each { n -> disk(\"d\$n\") { size 10.GB } }; iops ${iops} } }" }
        def roomy = ["size 'D14'; os 'windows', 'Windows Server 2012 R2'; network 'dr-vnet'": "dataDisks 64; os 'windows', 'Windows Server 2012 R2'; network 'dr-vnet'"]

        expect: 'base01 and base02 do 90 IOPS'
        findings(plan(heavy(9910), roomy), 'SA-COUNT').isEmpty()
        findings(plan(heavy(9911), roomy), 'SA-COUNT')*.message() == ['machines protected to dr do 10001 IOPS: 2 storage accounts needed (10000 IOPS each), 1 declared']
    }

    def "SA-GEO: geo-redundant, in the vault's region and subscription"() {
        expect:
        findings(plan('', ["replication 'grs'": "replication 'ra-grs'"]), 'SA-GEO').isEmpty()
        findings(plan('', ["replication 'grs'": "replication 'lrs'; region 'northeurope'"]), 'SA-GEO')*.message() ==
                ['storage account sa1 is in northeurope; the vault is in westeurope', 'storage account sa1 is lrs; replication needs geo-redundant storage (grs or ra-grs)']
    }

    def "NET-REGION: configuration and master target servers on a network of the vault's region"() {
        expect:
        findings(plan('', ["network('dr-vnet') {": "network('dr-vnet') { region 'westeurope';"]), 'NET-REGION').isEmpty()
        findings(plan('', ["network('dr-vnet') {": "network('dr-vnet') { region 'northeurope';"]), 'NET-REGION')*.message() == [
                'configuration server cs01 is on network dr-vnet in northeurope; the vault is in westeurope',
                'master target mt01 is on network dr-vnet in northeurope; the vault is in westeurope',
                'master target mt02 is on network dr-vnet in northeurope; the vault is in westeurope']
    }
}
