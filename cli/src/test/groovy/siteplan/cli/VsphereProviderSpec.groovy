package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import siteplan.providers.Vcsim

/**
 * A site whose vCenter says provider 'vsphere' is discovered through the vSphere API: here the govmomi
 * simulator serving the example's own inventory, so discovery through the API must give the planner
 * what the simulated estate gives it.
 */
class VsphereProviderSpec extends ExecutorSpecification {
    Vcsim vcsim

    def cleanup() {
        vcsim?.close()
    }

    /** The example, its vCenter registered as 127.0.0.1 (where the simulator answers) in definition and state alike. */
    Path example() {
        Path dir = estate()
        Path site = dir.resolve('site.groovy'), state = state(dir).resolve('state.json')
        write(site, read(site).replace("vcenter('vc01.ams.contoso.local')", "vcenter('127.0.0.1')"))
        write(state, read(state).replace('vc01.ams.contoso.local', '127.0.0.1'))
        vcsim = Vcsim.start(state: state, site: 'amsterdam')
        env.SITEPLAN_SECRET_VCENTER_ASR = vcsim.password
        RealPeers.trust(env, vcsim)
        dir
    }

    void useVsphere(Path dir, String thumbprint = vcsim.thumbprint) {
        Path site = dir.resolve('site.groovy')
        write(site, RealPeers.vsphere(read(site), '127.0.0.1', vcsim, thumbprint))
    }

    def "siteplan discover --json returns the vCenter's inventory in the planner's discovered-state form"() {
        given:
        Path dir = example()
        def simulated = new ObjectMapper().readTree(state(dir).resolve('state.json').toFile()).get('vcenters').get(0)
        useVsphere(dir)

        when:
        int code = run('discover', dir.toString(), '--json')

        then:
        code == 0
        def vc = new ObjectMapper().readTree(out).get('vcenters').get(0)
        vc.get('site').asText() == 'amsterdam'
        vc.get('address').asText() == '127.0.0.1'
        vc.get('hosts')*.get('name')*.asText() == simulated.get('hosts')*.get('name')*.asText()
        vc.get('vms')*.get('name')*.asText() == simulated.get('vms')*.get('name')*.asText()

        and: 'every VM as the simulated estate has it: guest, firmware, power, tools, disk sizes and controllers, port groups'
        [vc.get('vms').toList(), simulated.get('vms').toList()].transpose().every { List pair ->
            def (real, sim) = pair
            ['guestOs', 'firmware', 'powerState', 'tools'].every { real.get(it)?.asText() == sim.get(it)?.asText() } &&
                    real.get('disks')*.get('size')*.asText() == sim.get('disks')*.get('size')*.asText() &&
                    real.get('disks')*.get('controller')*.asText() == sim.get('disks')*.get('controller')*.asText() &&
                    real.get('nics')*.get('network')*.asText() == sim.get('nics')*.get('network')*.asText()
        }

        and: 'the vault, not in vCenter, still comes from the simulated estate'
        new ObjectMapper().readTree(out).get('vaults').size() == 1
    }

    def "the plan made through the vSphere API is the plan made from the simulation of the same estate"() {
        given:
        Path dir = example()

        when:
        run('plan', dir.toString(), '--json')
        def simulated = new ObjectMapper().readTree(out)
        useVsphere(dir)
        int code = run('plan', dir.toString(), '--json')
        def real = new ObjectMapper().readTree(out)

        then:
        code == 0
        real.get('changes') == simulated.get('changes')
        real.get('findings') == simulated.get('findings')
        real.get('changes').size() > 0

        and: 'the human view names where the facts came from'
        run('plan', dir.toString(), '--no-color') == 0
        out.contains("against vCenter 127.0.0.1, simulated estate in ${state(dir)}")
    }

    def "a wrong thumbprint stops discovery with one line that names it, and nothing is planned"() {
        given:
        Path dir = example()
        useVsphere(dir, 'AB' * 32)

        when:
        int code = run('plan', dir.toString())

        then:
        code == 1
        err.trim() == "siteplan: cannot reach vCenter at https://127.0.0.1:${vcsim.port}/sdk: the server's certificate has fingerprint ${vcsim.thumbprint}, not the declared thumbprint — if the certificate was renewed, check it is this vCenter's and pin the new fingerprint"
        out == ''
    }

    def "a missing password says which variable to export"() {
        given:
        Path dir = example()
        useVsphere(dir)
        env.remove('SITEPLAN_SECRET_VCENTER_ASR')

        when:
        int code = run('discover', dir.toString())

        then:
        code == 1
        err.trim() == "siteplan: secret('vcenter-asr') is needed to discover vCenter 127.0.0.1 but is not set — export SITEPLAN_SECRET_VCENTER_ASR, or add 'vcenter-asr' to the properties file named by SITEPLAN_SECRETS_FILE"
    }

    def "provider 'vsphere' without a user is refused where it is written"() {
        given:
        Path dir = estate()
        Path site = dir.resolve('site.groovy')
        write(site, read(site).replace("vcenter('vc01.ams.contoso.local') {", "vcenter('vc01.ams.contoso.local') {\n        provider 'vsphere'"))

        when:
        int code = run('validate', dir.toString())

        then:
        code == 1
        err.contains("(${dir.resolve('site.groovy')}, line 30) vcenter 'vc01.ams.contoso.local' has provider 'vsphere' and no user — add: user 'administrator@vsphere.local'")
    }
}
