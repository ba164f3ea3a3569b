package siteplan.providers.vsphere

import siteplan.planner.provider.Provider
import siteplan.providers.Vcsim
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Discovery of a vCenter through yavijava, against the govmomi simulator speaking the vSphere API. */
class VsphereDiscoverySpec extends Specification {
    @Shared @AutoCleanup Vcsim vcsim = Vcsim.start(vms: 120, disks: 3)

    VsphereSession session() {
        VsphereSession.open(VsphereSession.sdkUrl('127.0.0.1', vcsim.port), vcsim.user, vcsim.password, vcsim.thumbprint)
    }

    def "the whole inventory comes back from a fixed number of calls, however many VMs there are"() {
        when:
        def session = session()
        def discovery = new VsphereDiscovery(session)
        def inv = discovery.discover('bench', '127.0.0.1')
        session.close()

        then: 'one view, one RetrievePropertiesEx (the simulator returns a single page), the view destroyed, and the license query'
        discovery.roundTrips() <= 6
        inv.vms().size() == 120
        inv.hosts().size() == 2
        inv.networks().containsAll(['VM Network', 'Backup Network'])
        inv.datacenter() == 'DC0'

        and: 'each VM with its guest, firmware, power, tools, disks on their controller, NICs on their port group, disk.EnableUUID'
        def vm = inv.vm('vm00001').get()
        vm.guestOs() == 'Red Hat Enterprise Linux 7 (64-bit)'
        vm.firmware() == 'bios'
        vm.powerState() == 'poweredOn'
        vm.tools() == 'running'
        vm.disks()*.size()*.toString() == ['40GB', '50GB', '60GB']
        vm.disks()*.controller().unique() == ['lsi-logic-sas']
        vm.nics()*.network() == ['VM Network']
        vm.diskEnableUuid() == true
        inv.vm('vm00000').get().diskEnableUuid() == false
        vm.host() in inv.hosts()*.name()
        vm.datastore() == 'LocalDS_0'
    }

    def "a certificate other than the declared thumbprint is refused before anything is sent"() {
        when:
        VsphereSession.open(VsphereSession.sdkUrl('127.0.0.1', vcsim.port), vcsim.user, vcsim.password, 'AA' * 32)

        then:
        def e = thrown(Provider.DiscoveryException)
        e.message.startsWith("cannot reach vCenter at https://127.0.0.1:${vcsim.port}/sdk: the server's certificate has fingerprint ${vcsim.thumbprint}, not the declared thumbprint")
    }

    def "a self-signed certificate without a thumbprint is refused, with what to declare"() {
        when:
        VsphereSession.open(VsphereSession.sdkUrl('127.0.0.1', vcsim.port), vcsim.user, vcsim.password, null)

        then:
        def e = thrown(Provider.DiscoveryException)
        e.message.contains('unable to find valid certification path')
        e.message.endsWith("declare the certificate's SHA-256 fingerprint: thumbprint 'AB:CD:…'")
    }

    def "a wrong password is named as such"() {
        when:
        VsphereSession.open(VsphereSession.sdkUrl('127.0.0.1', vcsim.port), vcsim.user, 'wrong', vcsim.thumbprint)

        then:
        def e = thrown(Provider.DiscoveryException)
        e.message == "vCenter 127.0.0.1 refused the login of 'administrator@vsphere.local' — check the user and the credential's password"
    }

    def "a malformed thumbprint says what a thumbprint is"() {
        when:
        VsphereSession.open(VsphereSession.sdkUrl('127.0.0.1', vcsim.port), vcsim.user, vcsim.password, 'abc')

        then:
        def e = thrown(Provider.DiscoveryException)
        e.message == "vCenter 127.0.0.1: thumbprint 'abc' is not a SHA-256 fingerprint (64 hex digits, colons optional)"
    }
}
