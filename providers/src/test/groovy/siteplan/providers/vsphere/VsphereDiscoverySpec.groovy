package siteplan.providers.vsphere

import siteplan.planner.provider.Provider
import siteplan.providers.TrustedEndpoints
import siteplan.providers.Vcsim
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Discovery of a vCenter through yavijava, against the govmomi simulator speaking the vSphere API. */
class VsphereDiscoverySpec extends Specification {
    @Shared @AutoCleanup Vcsim vcsim = Vcsim.start(vms: 120, disks: 3)

    VsphereSession session() {
        open(vcsim.thumbprint)
    }

    /** A session to the simulator as a definition declaring this thumbprint would open it, on a runner trusting these entries. */
    VsphereSession open(String thumbprint, String password = vcsim.password, String entries = "127.0.0.1:${vcsim.port}") {
        VsphereSession.open(TrustedEndpoints.parse(entries).vcenter('site:ams/vcenter:127.0.0.1', '127.0.0.1', vcsim.port, thumbprint), vcsim.user, password)
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
        open('AA' * 32)

        then:
        def e = thrown(Provider.DiscoveryException)
        e.message.startsWith("cannot reach vCenter at https://127.0.0.1:${vcsim.port}/sdk: the server's certificate has fingerprint ${vcsim.thumbprint}, not the declared thumbprint")
    }

    def "a self-signed certificate without a thumbprint is refused, with what to declare"() {
        when:
        open(null)

        then:
        def e = thrown(Provider.DiscoveryException)
        e.message.contains('unable to find valid certification path')
        e.message.endsWith("pin the certificate's SHA-256 fingerprint in the runner's SITEPLAN_TRUSTED_ENDPOINTS ('host:port=AB:CD:…')")
    }

    def "a wrong password is named as such"() {
        when:
        open(vcsim.thumbprint, 'wrong')

        then:
        def e = thrown(Provider.DiscoveryException)
        e.message == "vCenter 127.0.0.1 refused the login of 'administrator@vsphere.local' — check the user and the credential's password"
    }

    def "a malformed thumbprint says what a thumbprint is"() {
        when:
        open('abc')

        then:
        def e = thrown(Provider.DiscoveryException)
        e.message == "vcenter '127.0.0.1': thumbprint 'abc' is not a SHA-256 fingerprint (64 hex digits, colons optional)"
    }

    def "a vCenter the runner does not list gets no connection, whatever thumbprint the definition declares"() {
        given: 'a listener that counts every connection'
        def listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
        def connections = new java.util.concurrent.atomic.AtomicInteger()
        Thread.startDaemon { try { while (true) { listener.accept().close(); connections.incrementAndGet() } } catch (IOException ignored) {} }

        when:
        VsphereSession.open(TrustedEndpoints.parse(entries).vcenter('k', '127.0.0.1', listener.localPort, 'AB' * 32), 'root', 'the-password')

        then:
        def e = thrown(TrustedEndpoints.Untrusted)
        e.message == "vcenter '127.0.0.1' (127.0.0.1:${listener.localPort}) is not a vCenter this runner trusts — siteplan sends credentials only to hosts listed in" +
                " SITEPLAN_TRUSTED_ENDPOINTS; if this is your vCenter, add '127.0.0.1:${listener.localPort}' to SITEPLAN_TRUSTED_ENDPOINTS in the runner's configuration" +
                " (not in the definition). Nothing was sent"
        Thread.sleep(200)
        connections.get() == 0

        cleanup:
        listener?.close()

        where:
        entries << ['', '127.0.0.1', 'localhost:1', '127.0.0.2:443=' + 'AB' * 32]
    }

    def "the runner's pin wins: it is used when the definition pins nothing, and a definition pin that disagrees is refused"() {
        when:
        def session = open(null, vcsim.password, "127.0.0.1:${vcsim.port}=${vcsim.thumbprint}")
        session.close()

        then:
        notThrown(Exception)

        when:
        open('AB' * 32, vcsim.password, "127.0.0.1:${vcsim.port}=${vcsim.thumbprint}")

        then:
        def e = thrown(TrustedEndpoints.Untrusted)
        e.message.startsWith("vcenter '127.0.0.1': thumbprint '${'AB' * 32}' disagrees with the certificate the runner pins for 127.0.0.1:${vcsim.port} in SITEPLAN_TRUSTED_ENDPOINTS")
        e.key() == 'site:ams/vcenter:127.0.0.1/thumbprint'
    }
}
