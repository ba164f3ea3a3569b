package siteplan.cli

import java.nio.file.Path
import java.util.concurrent.CopyOnWriteArrayList
import siteplan.providers.azure.ArmServer

/**
 * A definition from a pull request names where a real provider connects and which secret it sends;
 * CI plans it with real secrets in its environment. siteplan must send a credential only where the
 * runner's SITEPLAN_TRUSTED_ENDPOINTS (or, for Azure, the public Resource Manager) says, and refuse
 * everything else before a socket is opened: here "the attacker" is a listener on 127.0.0.1 that
 * records what it receives, with a certificate the definition pins.
 */
class TrustedEndpointsSpec extends ExecutorSpecification {
    static final String AZURE_SECRET = 'the-runners-azure-client-secret'
    static final String GITHUB_TOKEN = 'ghp_the-runners-github-token'

    ArmServer attacker
    ServerSocket listener
    final List<String> connections = new CopyOnWriteArrayList<>()

    def setup() {
        env.AZURE_CLIENT_SECRET = AZURE_SECRET
        env.GITHUB_TOKEN = GITHUB_TOKEN
        env.SITEPLAN_SECRET_X = 'the-runners-secret-x'
    }

    def cleanup() {
        attacker?.close()
        listener?.close()
    }

    /** A TCP listener that records every connection made to it (and closes it). */
    int tcpListener() {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
        Thread.startDaemon {
            try {
                while (true) {
                    def s = listener.accept()
                    connections << s.remoteSocketAddress.toString()
                    s.close()
                }
            } catch (IOException ignored) {
                // closed at cleanup
            }
        }
        listener.localPort
    }

    /** The example with its Azure target pointed, on lines 4 to 7 of site.groovy, at the attacker's listener, sending this token. */
    Path azureAt(String token, String thumbprint = null) {
        attacker = ArmServer.start('whatever')
        Path dir = estate()
        Path site = dir.resolve('site.groovy')
        write(site, read(site).replace("azure('contoso-dr') {\n", """azure('contoso-dr') {
    provider 'azure'
    endpoint '${attacker.endpoint}'
    thumbprint '${thumbprint ?: attacker.thumbprint}'
    token ${token}
"""))
        dir
    }

    /** The example with its vCenter, on lines 30 to 33 of site.groovy, at a listener that records connections, with this credential. */
    Path vcenterAt(String address, int port, String credential, String thumbprint = 'AB' * 32) {
        Path dir = estate()
        Path site = dir.resolve('site.groovy')
        write(site, read(site).replace("vcenter('vc01.ams.contoso.local') {", """vcenter('${address}') {
        provider 'vsphere'; port ${port}; user 'x'
        thumbprint '${thumbprint}'""").replace("credential secret('vcenter-asr')", "credential ${credential}"))
        dir
    }

    def "a definition's own Azure endpoint and certificate get no request, whatever the command, and the refusal names the line"() {
        given:
        Path dir = azureAt(token)
        int port = attacker.server.address.port

        when:
        int code = run(*(command + [dir.toString()]))

        then:
        code == 1
        err.trim() == "siteplan: (${dir.resolve('site.groovy')}, line 5) azure target 'contoso-dr': endpoint https://127.0.0.1:${port}/ (127.0.0.1:${port}) is not one this runner trusts" +
                " — siteplan sends credentials only to Azure Resource Manager's public endpoints (management.azure.com, management.usgovcloudapi.net, management.chinacloudapi.cn)" +
                " and to hosts listed in SITEPLAN_TRUSTED_ENDPOINTS; if this is your Resource Manager, add '127.0.0.1:${port}' to SITEPLAN_TRUSTED_ENDPOINTS in the runner's" +
                " configuration (not in the definition). Nothing was sent"
        attacker.requests.isEmpty()
        attacker.authorizations.isEmpty()
        !out.contains(AZURE_SECRET) && !err.contains(AZURE_SECRET)

        where:
        token                        | command
        "env('AZURE_CLIENT_SECRET')" | ['plan']
        "secret('x')"                | ['plan']
        "env('GITHUB_TOKEN')"        | ['plan', '--json']
        "env('AZURE_CLIENT_SECRET')" | ['discover']
        "env('AZURE_CLIENT_SECRET')" | ['apply', '--auto-approve']
        "secret('x')"                | ['drill', '--recovery-plan', 'linux-services', '--ack']
        "secret('x')"                | ['failover', '--recovery-plan', 'linux-services', '--type', 'planned', '--ack']
    }

    def "a definition's own vCenter gets no connection, and the refusal says what the runner would add"() {
        given:
        int port = tcpListener()
        Path dir = vcenterAt(address, port, credential)

        when:
        int code = run('plan', dir.toString())

        then:
        code == 1
        err.trim() == "siteplan: (${dir.resolve('site.groovy')}, line 30) vcenter '${address}' (${address}:${port}) is not a vCenter this runner trusts" +
                " — siteplan sends credentials only to hosts listed in SITEPLAN_TRUSTED_ENDPOINTS; if this is your vCenter, add '${address}:${port}'" +
                " to SITEPLAN_TRUSTED_ENDPOINTS in the runner's configuration (not in the definition). Nothing was sent"
        Thread.sleep(300)
        connections.isEmpty()

        where:
        address            | credential
        '127.0.0.1'        | "env('GITHUB_TOKEN')"
        '127.0.0.1'        | "secret('vcenter-asr')"
        'attacker.example' | "env('AZURE_CLIENT_SECRET')"
    }

    def "an entry for another host or port does not trust this one"() {
        given:
        int port = tcpListener()
        Path dir = vcenterAt('127.0.0.1', port, "env('GITHUB_TOKEN')")
        env.SITEPLAN_TRUSTED_ENDPOINTS = "127.0.0.1:${port + 1}, localhost:${port},127.0.0.1".toString()

        when:
        int code = run('plan', dir.toString())

        then:
        code == 1
        err.contains("add '127.0.0.1:${port}' to SITEPLAN_TRUSTED_ENDPOINTS")
        connections.isEmpty()
    }

    def "with the host in the runner's SITEPLAN_TRUSTED_ENDPOINTS the credential goes there: the runner, not the definition, decides"() {
        given:
        Path dir = azureAt("env('AZURE_CLIENT_SECRET')")
        env.SITEPLAN_TRUSTED_ENDPOINTS = "127.0.0.1:${attacker.server.address.port}".toString()

        when:
        run('plan', dir.toString())

        then:
        attacker.authorizations.contains("Bearer ${AZURE_SECRET}".toString())
    }

    def "a definition's Azure thumbprint that disagrees with the runner's pin is refused before anything is sent"() {
        given: 'the runner trusts the listener and pins its real certificate; the definition pins another'
        Path dir = azureAt("env('AZURE_CLIENT_SECRET')", 'AB' * 32)
        int port = attacker.server.address.port
        env.SITEPLAN_TRUSTED_ENDPOINTS = "127.0.0.1:${port}=${attacker.thumbprint}".toString()

        when:
        int code = run('plan', dir.toString())

        then:
        code == 1
        err.trim() == "siteplan: (${dir.resolve('site.groovy')}, line 6) azure target 'contoso-dr': thumbprint '${'AB' * 32}' disagrees with the certificate the runner pins" +
                " for 127.0.0.1:${port} in SITEPLAN_TRUSTED_ENDPOINTS — siteplan trusts only the runner's pin; remove the thumbprint from the definition or correct it. Nothing was sent"
        attacker.requests.isEmpty()
    }

    def "the same for a vCenter: the runner's pin wins, a definition pin that disagrees is refused before any connection"() {
        when:
        int vport = tcpListener()
        Path vdir = vcenterAt('127.0.0.1', vport, "env('GITHUB_TOKEN')", 'CD' * 32)
        env.SITEPLAN_TRUSTED_ENDPOINTS = "127.0.0.1:${vport}=${'AB' * 32}".toString()
        int vcode = run('plan', vdir.toString())

        then:
        vcode == 1
        err.trim().startsWith("siteplan: (${vdir.resolve('site.groovy')}, line 32) vcenter '127.0.0.1': thumbprint '${'CD' * 32}' disagrees with the certificate the runner pins for 127.0.0.1:${vport}")
        connections.isEmpty()
    }

    def "validate reports the definition valid and warns that this runner would not send it credentials"() {
        given:
        Path dir = azureAt("env('AZURE_CLIENT_SECRET')")

        when:
        int code = run('validate', dir.toString())

        then:
        code == 0
        err.startsWith("siteplan: warning: (${dir.resolve('site.groovy')}, line 5) azure target 'contoso-dr': endpoint")
        attacker.requests.isEmpty()
    }

    def "a malformed SITEPLAN_TRUSTED_ENDPOINTS is refused with what an entry looks like"() {
        given:
        int port = tcpListener()
        Path dir = vcenterAt('127.0.0.1', port, "secret('vcenter-asr')")
        env.SITEPLAN_TRUSTED_ENDPOINTS = "https://127.0.0.1:${port}/".toString()

        when:
        int code = run('plan', dir.toString())

        then:
        code == 1
        err.contains("SITEPLAN_TRUSTED_ENDPOINTS entry 'https://127.0.0.1:${port}/' is not host[:port] or host[:port]=SHA-256 fingerprint")
        connections.isEmpty()
    }
}
