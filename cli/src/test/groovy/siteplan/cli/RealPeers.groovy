package siteplan.cli

import java.nio.file.Path

import siteplan.providers.Vcsim
import siteplan.providers.azure.ArmServer

/**
 * The words that point a definition's blocks at the test peers, added on the block's own line so
 * every finding keeps its line number.
 */
class RealPeers {
    /** vcenter('ADDRESS') { … } read through the simulator; an extra credential word when the block has none. */
    static String vsphere(String text, String address, Vcsim vcsim, String thumbprint = vcsim.thumbprint, String credential = null) {
        String words = "provider 'vsphere'; port ${vcsim.port}; user '${vcsim.user}'; " + (credential ? "credential ${credential}; " : '') + "thumbprint '${thumbprint}'"
        replaceOnce(text, "vcenter('${address}') {", "vcenter('127.0.0.1') { ${words}")
    }

    /** azure('NAME') { … } reached on the local Resource Manager with the token secret('arm-token'). */
    static String azure(String text, String name, ArmServer arm) {
        replaceOnce(text, "azure('${name}') {", "azure('${name}') { ${words(arm)}")
    }

    static String words(ArmServer arm) {
        "provider 'azure'; endpoint '${arm.endpoint}'; token secret('arm-token'); thumbprint '${arm.thumbprint}'"
    }

    /**
     * The runner's configuration trusting these peers (a Vcsim, an ArmServer), added to what the
     * environment already trusts: the definitions only name the peers, SITEPLAN_TRUSTED_ENDPOINTS lets
     * siteplan send them credentials.
     */
    /**
     * The definition's replication policies without multi-VM consistency: on a real vault a replication group's
     * machines fail over only in a recovery plan Site Recovery runs itself, which siteplan does not (RP-VAULT-GROUP).
     */
    static String withoutReplicationGroups(String definition) {
        assert definition.contains('multiVmConsistency true'): 'the example declares no multi-VM consistency any more: drop this rewrite'
        definition.replace('multiVmConsistency true', 'multiVmConsistency false')
    }

    /**
     * --profile FILE: the seeds' limits as Azure applied them before the classic architecture's retirement
     * (ARCH-CLASSIC), for the walks that protect new machines in the classic vault as the seeds did.
     */
    static List<String> beforeRetirement(Path dir) {
        Path file = dir.resolve('asr-2015-before-retirement.yaml')
        String bundled = RealPeers.getResourceAsStream('/siteplan/profiles/asr-2015.yaml').text
        int classic = bundled.indexOf('\nclassic:')
        assert classic > 0
        java.nio.file.Files.writeString(file, bundled.substring(0, classic + 1).replaceFirst(/(?m)^name: .*$/, 'name: asr-2015-before-retirement'))
        ['--profile', file.toString()]
    }

    static void trust(Map<String, String> env, Object... peers) {
        List<String> entries = (env.SITEPLAN_TRUSTED_ENDPOINTS ?: '').tokenize(',')
        peers.each { peer ->
            entries << (peer instanceof Vcsim ? "127.0.0.1:${peer.port}" : "127.0.0.1:${(peer as ArmServer).server.address.port}").toString()
        }
        env.SITEPLAN_TRUSTED_ENDPOINTS = entries.join(',')
        // The Azure peer answers Retry-After as Azure does (30 s); its specs run on a clock a thousand times faster.
        if (peers.any { it instanceof ArmServer }) env.SITEPLAN_AZURE_TIME_SCALE = '1000'

    }

    /** The Azure peer seeded with what the simulated estate's state file holds for the definition's first target; the state file is then deleted, so nothing is read from it again. */
    static void seedFromState(ArmServer arm, Path definition, Path stateFile) {
        def estate = siteplan.dsl.load.DefinitionLoader.load([definition.toString()]).estate()
        siteplan.providers.azure.ArmResources.seed(arm, estate.azure()[0], siteplan.planner.state.StateFiles.read(stateFile), estate)
        java.nio.file.Files.delete(stateFile)
    }

    /** A seed for `siteplan import` in {@code tmp}: the definition's site.groovy only (how to reach the vault and the site); returns it. */
    static Path importSeed(Path tmp, Path definition) {
        Path seed = tmp.resolve('seed')
        java.nio.file.Files.createDirectories(seed)
        java.nio.file.Files.copy(definition.resolve('site.groovy'), seed.resolve('site.groovy'))
        java.nio.file.Files.createDirectories(tmp.resolve('imported'))
        seed
    }

    private static String replaceOnce(String text, String block, String with) {
        assert text.contains(block): "no ${block} in the definition"
        text.replace(block, with)
    }
}
