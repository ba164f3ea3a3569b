package siteplan.planner

/** Failback (seeds 001, 002) and Mobility service (seed 004) rules, each on both sides. */
class FailbackMobilityRulesSpec extends PlanningSpecification {

    /** The base site prepared for failback: VPN, a process server in Azure, an on-premises master target. */
    static final Map<String, String> FAILBACK = [
            "    network 'VM Network'\n": """    network 'VM Network'
    failbackConnection 'vpn'
    processServer('ps-azure') { location 'azure'; network 'dr-vnet'; cacheDisk 600.GB }
    masterTarget('mt-onprem') { location 'on-premises'; os 'windows', 'Windows Server 2012 R2'; esxiHost 'esx01'; snapshots 0; scsiController 'lsi-logic'
        diskEnableUuid true; tools 'running'; storageVmotionExcluded true; retention { size 1.TB; fileSystem 'NTFS'; path 'R:' } }
    masterTarget('mt-onprem-lnx') { location 'on-premises'; os 'linux', 'CentOS 6.6'; esxiHost 'esx01'; snapshots 0; scsiController 'lsi-logic'
        diskEnableUuid true; tools 'running'; storageVmotionExcluded true; retention { size 1.TB; fileSystem 'ext4'; path '/mnt/retention' } }
"""]

    static Map<String, String> failback(Map<String, String> more) {
        def m = new LinkedHashMap(FAILBACK)
        more.each { k, v -> m[FAILBACK.keySet().first()] = m[FAILBACK.keySet().first()].replace(k, v) }
        m
    }

    def "a site prepared for failback as the seeds describe is clean"() {
        expect:
        plan('', FAILBACK).findings().findAll { it.rule().startsWith('FB-') && it.severity().token() != 'info' }*.render() == []
    }

    def "FB-LINK: failback needs a VPN or ExpressRoute private peering"() {
        expect:
        findings(plan('', failback(["failbackConnection 'vpn'": "failbackConnection 'expressroute-private'"])), 'FB-LINK').isEmpty()
        findings(plan('', failback(["failbackConnection 'vpn'": "failbackConnection 'none'"])), 'FB-LINK')*.message() ==
                ["site lab declares no site-to-site VPN or ExpressRoute private peering to Azure to replicate its machines back — add: failbackConnection 'vpn' (or 'expressroute-private')"]
    }

    def "FB-PS-AZURE: a process server in Azure, on the failed-over VMs' network, same deployment model"() {
        given:
        def vm = winVm('t1', "disk('c') { size 10.GB }; failover { network 'dr-vnet'; subnet 'servers' }")

        expect:
        findings(plan(vm, FAILBACK), 'FB-PS-AZURE').isEmpty()
        findings(plan(vm, failback(["processServer('ps-azure') { location 'azure'; network 'dr-vnet'": "processServer('ps-azure') { location 'azure'; network 'other'"])), 'FB-PS-AZURE')*.message() ==
                ['process server ps-azure in Azure is on other; the failed-over VMs are on dr-vnet']
        findings(plan(vm, failback(["location 'azure'; network 'dr-vnet'": "location 'azure'; network 'dr-vnet'; deploymentModel 'classic'"])), 'FB-PS-AZURE')*.message() ==
                ['process server ps-azure is classic but dr is resource-manager; they must use the same deployment model']
        findings(plan(vm, failback(["    processServer('ps-azure') { location 'azure'; network 'dr-vnet'; cacheDisk 600.GB }\n": ""])), 'FB-PS-AZURE')*.message() ==
                ["site lab has no process server in Azure to replicate its machines back — add: processServer('…') { location 'azure'; network '…' }"]
    }

    def "FB-MT-DISKS: a failback master target holds at most 60 disks"() {
        given:
        def disks = { int n -> winVm('t1', "(1..${n}).each { d -> disk(\"d\$d\") { size 10.GB } }") }
        def roomy = ["size 'D14'; os 'windows', 'Windows Server 2012 R2'; network 'dr-vnet'": "dataDisks 99; os 'windows', 'Windows Server 2012 R2'; network 'dr-vnet'"]

        expect: 'base01 brings one Windows disk (base02 fails back through the Linux master target)'
        findings(plan(disks(59), FAILBACK + roomy, 'asr-2017'), 'FB-MT-DISKS').isEmpty()
        findings(plan(disks(60), FAILBACK + roomy, 'asr-2017'), 'FB-MT-DISKS')*.message() == ['failback master target mt-onprem would receive 61 disks (limit 60) — add another on-premises master target']
    }

    def "FB-MT-OS: machines fail back through a master target of their OS family, same version or newer"() {
        given:
        def noLinux = failback(["os 'linux', 'CentOS 6.6'; esxiHost 'esx01'": "os 'windows', 'Windows Server 2012 R2'; esxiHost 'esx01'"])

        expect:
        findings(plan('', noLinux), 'FB-MT-OS')*.message() == ['no on-premises master target of site lab runs linux, so base02 cannot fail back; a replication group is all Windows or all Linux']
        findings(plan('', failback(["os 'windows', 'Windows Server 2012 R2'; esxiHost": "os 'windows', 'Windows Server 2012'; esxiHost"])), 'FB-MT-OS')*.message() ==
                ['failback master target mt-onprem runs Windows Server 2012, older than base01 (Windows Server 2012 R2)']
    }

    def "FB-MT-VM: snapshots, SCSI controller, disk.EnableUUID, tools and Storage vMotion"() {
        expect:
        findings(plan('', failback(["snapshots 0; scsiController 'lsi-logic'": "snapshots 2; scsiController 'paravirtual'", "diskEnableUuid true": "diskEnableUuid false"])), 'FB-MT-VM')*.message() ==
                ['failback master target mt-onprem is not ready: it has 2 snapshots; its SCSI controller is paravirtual, not LSI Logic; disk.EnableUUID is not true',
                 'failback master target mt-onprem-lnx is not ready: it has 2 snapshots; its SCSI controller is paravirtual, not LSI Logic; disk.EnableUUID is not true']
    }

    def "FB-VMFS: the master target's host has a VMFS datastore"() {
        expect:
        findings(plan('', failback([:]) + ["datastore('ds01') { type 'vmfs' }": "datastore('ds01') { type 'nfs' }"]), 'FB-VMFS')*.message() ==
                ['ESXi host esx01 of failback master target mt-onprem has no VMFS datastore', 'ESXi host esx01 of failback master target mt-onprem-lnx has no VMFS datastore']
    }

    def "FB-RETENTION: dedicated, unlocked, not FAT"() {
        expect:
        findings(plan('', failback(["fileSystem 'NTFS'; path 'R:'": "fileSystem 'FAT32'; path 'R:'; usage 'cache'; locked true"])), 'FB-RETENTION')*.message() ==
                ['the retention volume of mt-onprem cannot be used: it is also the cache; it is locked; it is FAT32']
    }

    def "FB-CS: two NICs on the configuration server when IPs are kept"() {
        given:
        def keepsIp = winVm('t1', "disk('c') { size 10.GB }; failover { network 'dr-vnet'; subnet 'servers'; ip '10.0.1.50' }")

        expect:
        findings(plan(keepsIp, FAILBACK + ["passphrase secret('pp')": "passphrase secret('pp'); nics 2"]), 'FB-CS').isEmpty()
        findings(plan(keepsIp, FAILBACK), 'FB-CS')*.message() == ['machines of lab keep their IP addresses on failover, so configuration server cs01 needs two NICs (it declares 1)']
    }

    def "FB-VCENTER-RW, FB-SNAPSHOTS, FB-ESXI-FREE, FB-PHYSICAL"() {
        expect:
        findings(plan('', FAILBACK + ["credential secret('vc')": "credential secret('vc'); access 'read-only'"]), 'FB-VCENTER-RW')*.message() ==
                ['the vCenter account of lab is read-only: failover works but reprotection fails — give it read-write rights']
        findings(plan(winVm('t1', 'snapshots 1'), FAILBACK), 'FB-SNAPSHOTS')*.message() == ['t1 has 1 snapshot; a VM with snapshots cannot be reprotected']
        findings(plan(winVm('t1', 'snapshots 0'), FAILBACK), 'FB-SNAPSHOTS').isEmpty()
        findings(plan(winVm('t1', "esxiHost 'esx01'"), FAILBACK + ["edition 'enterprise'": "edition 'free'"]), 'FB-ESXI-FREE')*.message() ==
                ['t1 runs on esx01, a free ESXi edition: it can fail over but never fail back']
        findings(plan("machines('lab') { physicalServer('p1') { os 'windows', 'Windows Server 2008 R2 SP1'; tags 'win'; nic('n0') { network 'VM Network' } } }", FAILBACK), 'FB-PHYSICAL')*.message() ==
                ['physical server p1 runs Windows Server 2008 R2 SP1, which cannot fail back']
    }

    def "failback rules stay silent for a site that does not prepare failback"() {
        expect:
        plan(winVm('t1', 'snapshots 3')).findings().findAll { it.rule().startsWith('FB-') }.isEmpty()
    }

    def "MOB-PUSH-WIN and MOB-PUSH-LINUX: a push install needs an account"() {
        given:
        def noPush = ["pushAccount secret('push'); tagged 'win'": "tagged 'win'", "pushAccount secret('push'); tagged 'lnx'": "tagged 'lnx'"]

        expect:
        findings(plan(winVm('t1', "mobility { install 'push' }")), 'MOB-PUSH-WIN').isEmpty()
        findings(plan(winVm('t1', "mobility { install 'push' }"), noPush), 'MOB-PUSH-WIN')*.message() ==
                ["the Mobility service is pushed to t1 but no account is given: an administrator account (and LocalAccountTokenFilterPolicy=1 for a local one) — add pushAccount secret('…') to protection group win"]
        findings(plan(winVm('t1', "mobility { install 'manual' }"), noPush), 'MOB-PUSH-WIN').isEmpty()
        findings(plan("machines('lab') { vmwareVm('l1') { os 'linux', 'CentOS 6.5'; tags 'lnx'; nic('n0') { network 'VM Network' }; mobility { install 'push' } } }", noPush), 'MOB-PUSH-LINUX')*.message() ==
                ["the Mobility service is pushed to l1 but no account is given: root — add pushAccount secret('…') to protection group lnx"]
    }

    def "MOB-PUSH-WIN and MOB-PUSH-LINUX: the push account is an administrator on Windows and root on Linux, as declared beside it"() {
        given:
        def lnx = "machines('lab') { vmwareVm('l1') { os 'linux', 'CentOS 6.5'; tags 'lnx'; nic('n0') { network 'VM Network' }; mobility { install 'push'%s } } }"

        expect: "the group's account, declared what each OS needs"
        findings(plan(winVm('t1', "mobility { install 'push' }")), 'MOB-PUSH-WIN').isEmpty()
        findings(plan(String.format(lnx, '')), 'MOB-PUSH-LINUX').isEmpty()

        and: 'a standing that cannot install is an error, reported where the account is declared'
        findings(plan(winVm('t1', "mobility { install 'push' }"), ["pushAccountStanding 'administrator'": "pushAccountStanding 'root'"]), 'MOB-PUSH-WIN').collect { [it.severity().token(), it.message(), it.line()] } ==
                [['error', "the Mobility service cannot be pushed to t1 (Windows) with push account secret('push') of protection group win: it is root, and a push install needs an administrator — use such an account and declare pushAccountStanding 'administrator' to protection group win", 19]]
        findings(plan(String.format(lnx, "; account secret('l1-push'); accountStanding 'standard'")), 'MOB-PUSH-LINUX')*.severity()*.token() == ['error']

        and: 'an undeclared standing cannot be checked: a warning says how to declare it'
        findings(plan(String.format(lnx, "; account secret('l1-push')")), 'MOB-PUSH-LINUX')*.message() ==
                ["the Mobility service is pushed to l1 (Linux) with the push account secret('l1-push') of l1, which must be root there; its standing is not declared, so siteplan cannot check it — add: accountStanding 'root' in the mobility block of l1"]
    }

    def "MOB-PASSPHRASE: the configuration server has a passphrase reference"() {
        expect:
        findings(plan(winVm('t1', "mobility { install 'manual' }"), ["; passphrase secret('pp')": ""]), 'MOB-PASSPHRASE')*.message() ==
                ["Mobility services of lab register with the configuration server's passphrase, but configuration server cs01 has none — add: passphrase secret('…')"]
    }

    def "FB-POLICY: the plan states the automatic failback policy"() {
        expect:
        findings(plan('', FAILBACK), 'FB-POLICY')*.message() == ['failback from Azure to lab uses the automatic failback policy: RPO threshold 15min, recovery points kept 1d, app-consistent every 1h']
        findings(plan(''), 'FB-POLICY').isEmpty()
    }

    def "FB-ORIGINAL: machines whose datastore the master target cannot see fail back to new VMs"() {
        given:
        def far = ["datastore('ds01') { type 'vmfs' }": "datastore('ds01') { type 'vmfs'; host 'esx01' }; datastore('ds02') { type 'vmfs'; host 'esx02' }; host('esx02') { version '5.5' }"]

        expect:
        findings(plan(winVm('t1', "datastore 'ds01'"), FAILBACK + far), 'FB-ORIGINAL').isEmpty()
        findings(plan(winVm('t1', "datastore 'ds02'"), FAILBACK + far), 'FB-ORIGINAL')*.message() ==
                ["t1 fail back to new VMs on the master target's host and datastore: no on-premises master target sees their datastores"]
    }

    def "MOB-REBOOT: a pending reboot blocks installing the Mobility service"() {
        when:
        def p = planAgainst(winVm('t1', "mobility { install 'manual' }")) { s ->
            s.vcenters[0].vms.find { it.name == 't1' }.pendingReboot = true
            s.vaults[0].protectedItems.removeIf { it.machine == 't1' }
        }
        def installed = planAgainst(winVm('t1', "mobility { install 'manual' }")) { s -> s.vcenters[0].vms.find { it.name == 't1' }.pendingReboot = true }

        then:
        findings(p, 'MOB-REBOOT')*.message() == ['t1 is waiting for a reboot (pending file rename operations), which blocks installing the Mobility service — reboot it first']
        findings(installed, 'MOB-REBOOT').isEmpty()
    }

    def "MOB-PUSH-WIN and MOB-PUSH-LINUX: what discovery finds inside the guest"() {
        given:
        def vms = winVm('w1', "mobility { install 'push' }") + "\nmachines('lab') { vmwareVm('l1') { os 'linux', 'CentOS 6.5'; tags 'lnx'; nic('n0') { network 'VM Network' }; mobility { install 'push' } } }"

        when:
        def unknown = planAgainst(vms) { s -> }
        def ready = planAgainst(vms) { s ->
            s.vcenters[0].vms.find { it.name == 'w1' }.guest = [fileAndPrinterSharing: true, wmi: true, localAccountTokenFilterPolicy: true]
            s.vcenters[0].vms.find { it.name == 'l1' }.guest = [hostsFileMapsAllNics: true, sshPasswordAuthentication: true, sftp: true]
        }
        def blocked = planAgainst(vms) { s ->
            s.vcenters[0].vms.find { it.name == 'w1' }.guest = [fileAndPrinterSharing: false, wmi: true, localAccountTokenFilterPolicy: false]
            s.vcenters[0].vms.find { it.name == 'l1' }.guest = [hostsFileMapsAllNics: false, sshPasswordAuthentication: true, sftp: false]
        }

        then:
        findings(unknown, 'MOB-PUSH-WIN').isEmpty() && findings(unknown, 'MOB-PUSH-LINUX').isEmpty()
        findings(ready, 'MOB-PUSH-WIN').isEmpty() && findings(ready, 'MOB-PUSH-LINUX').isEmpty()
        findings(blocked, 'MOB-PUSH-WIN')*.message() == ['the Mobility service cannot be pushed to w1: File and Printer Sharing is blocked by the firewall; LocalAccountTokenFilterPolicy is not 1 (needed for a non-domain account)']
        findings(blocked, 'MOB-PUSH-LINUX')*.message() == ["the Mobility service cannot be pushed to l1: /etc/hosts does not map the host name to every NIC's address; the SSH server has no SFTP subsystem"]
    }

    def "RP-HEALTH (preview): an unhealthy configuration server or master target is shown before a failover is tried"() {
        given:
        def rp = "recoveryPlan('rp') { source 'lab'; target 'dr'; group { machines 'base01' } }"

        expect:
        findings(planAgainst(rp) { s -> }, 'RP-HEALTH').isEmpty()
        findings(planAgainst(rp) { s -> s.vaults[0].fabrics[0].servers.find { it.role == 'master-target' && it.name == 'mt01' }.health = 'critical' }, 'RP-HEALTH')*.message() ==
                ['master target mt01 is critical: recovery plan rp cannot fail over until it is healthy']
    }
}
