package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import siteplan.dsl.load.DefinitionLoader
import siteplan.planner.state.StateFiles
import siteplan.providers.Vcsim
import siteplan.providers.azure.ArmResources
import siteplan.providers.azure.ArmServer

/**
 * The examples on real peers: the failback example's vCenter on the govmomi simulator and its vault on the
 * Azure contract peer (seeds 000-002), and the Hyper-V example's vault on the peer (seed 003). Nothing is
 * read from the simulated estate once the peers are seeded: its state file is deleted.
 */
abstract class AzurePeerSpecification extends ExecutorSpecification {
    Vcsim vcsim
    ArmServer arm

    def cleanup() {
        vcsim?.close()
        arm?.close()
    }

    /** Seeds 000-002: the failback example, every machine protected as Site Recovery reports it. */
    Path failbackOnPeers() {
        Path fb = estate('failback')
        // A real vault's replication groups fail over only in a plan Site Recovery runs (RP-VAULT-GROUP): no multi-VM consistency.
        write(fb.resolve('estate.groovy'), RealPeers.withoutReplicationGroups(read(fb.resolve('estate.groovy'))))
        assert run('sim', 'init', fb.toString(), '--state', state(fb).toString(), '--from-model', '--force') == 0
        Path stateFile = state(fb).resolve('state.json'), site = fb.resolve('estate.groovy')
        write(stateFile, read(stateFile).replace('vc01.par.contoso.local', '127.0.0.1'))
        vcsim = Vcsim.start(state: stateFile, site: 'paris')
        arm = ArmServer.start()
        String definition = read(site).replace("        credential env('PARIS_VCENTER_CREDENTIAL')\n", '')
        write(site, RealPeers.azure(RealPeers.vsphere(definition, 'vc01.par.contoso.local', vcsim, vcsim.thumbprint, "secret('paris-vcenter')"), 'contoso-paris-dr', arm))
        RealPeers.seedFromState(arm, fb, stateFile)
        env.SITEPLAN_SECRET_PARIS_VCENTER = vcsim.password
        env.SITEPLAN_SECRET_ARM_TOKEN = arm.token
        RealPeers.trust(env, vcsim, arm)
        env.SITEPLAN_SECRET_PARIS_PUSH_ADMIN = 'Paris-Push-S3cret'
        fb
    }

    /** Seed 003: the Hyper-V example's vault in a subscription of its own, both VMM servers registered with it. */
    Path hyperVOnPeer() {
        Path dir = estate('hyperv-vmm-to-vmm')
        Path stateFile = state(dir).resolve('state.json')
        arm = ArmServer.start()
        write(dir.resolve('vault.groovy'), """// Where the Chicago vault lives: a subscription reached through Resource Manager.
azure('chicago') {
    ${RealPeers.words(arm)}
    subscription '0b7e3c1d-0000-4000-8000-000000000003'; region 'eastus'; resourceGroup 'rg-vmm'; vault 'chicago-vault'
}
""")
        def estate = DefinitionLoader.load([dir.toString()]).estate()
        ArmResources.seed(arm, estate.azure()[0], StateFiles.read(stateFile), estate)
        // Seed 003: both VMM servers register with the vault, so Chicago's clouds are there to pair with.
        ArmResources.seedFabric(arm, estate.azure()[0], new siteplan.planner.state.RecoveryVault.Fabric('chicago', 'vmm', null, [], ['GoldCloud2', 'SilverCloud2']), estate)
        Files.delete(stateFile)
        env.SITEPLAN_SECRET_ARM_TOKEN = arm.token
        RealPeers.trust(env, arm)
        dir
    }
}
