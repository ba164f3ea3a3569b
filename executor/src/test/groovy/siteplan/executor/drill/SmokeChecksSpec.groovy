package siteplan.executor.drill

import com.sun.net.httpserver.HttpServer
import siteplan.model.CheckKind
import siteplan.model.SmokeCheck

class SmokeChecksSpec extends RecoveryRunnerSpecification {
    def checks = new SmokeChecks(recovery, { log << it })

    def "a TCP check passes when the port answers and fails when nothing listens"() {
        given:
        def listening = new ServerSocket(0, 1, InetAddress.loopbackAddress)
        def closed = new ServerSocket(0, 1, InetAddress.loopbackAddress)
        int closedPort = closed.localPort
        closed.close()

        when:
        def results = checks.run([new SmokeCheck(CheckKind.TCP, 'web', listening.localPort, null, null),
                                  new SmokeCheck(CheckKind.TCP, 'web', closedPort, null, null)])

        then:
        results*.outcome() == [CheckOutcome.PASSED, CheckOutcome.FAILED]
        results*.kind() == [CheckKind.TCP, CheckKind.TCP]
        results[0].target() == "web:${listening.localPort}".toString()
        log.size() == 2
        log[0].startsWith("  check tcp web:${listening.localPort}: passed".toString())

        cleanup:
        listening.close()
    }

    def "an HTTP check passes on the status it expects, 200 unless told"() {
        given:
        def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.createContext('/') { it.sendResponseHeaders(503, -1); it.close() }
        server.start()
        def url = "http://web:${server.address.port}/health".toString()

        when:
        def results = checks.run([new SmokeCheck(CheckKind.HTTP, 'web', null, url, null), new SmokeCheck(CheckKind.HTTP, 'web', null, url, 503)])

        then:
        results*.outcome() == [CheckOutcome.FAILED, CheckOutcome.PASSED]
        results[0].detail().startsWith('HTTP 503, expected 200 from ')

        cleanup:
        server.stop(0)
    }

    def "a drill whose smoke check fails has failed, and says so"() {
        given:
        def closed = new ServerSocket(0, 1, InetAddress.loopbackAddress)
        int port = closed.localPort
        closed.close()

        when:
        def report = runner(plan([group(machine('web'))], [new SmokeCheck(CheckKind.TCP, 'web', port, null, null)])).run('estate')

        then:
        report.status() == RunStatus.FAILED
        report.reason() == 'a smoke check failed'
        report.checks()*.outcome() == [CheckOutcome.FAILED]
    }
}
