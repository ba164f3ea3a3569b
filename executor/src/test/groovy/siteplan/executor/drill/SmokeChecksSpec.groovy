package siteplan.executor.drill

import com.sun.net.httpserver.HttpServer
import java.time.Duration
import siteplan.model.CheckFailure
import siteplan.model.CheckKind
import siteplan.model.RecoveryGroup
import siteplan.model.SmokeCheck

class SmokeChecksSpec extends RecoveryRunnerSpecification {
    def checks = new SmokeChecks(recovery, clock, null, new MachineAddresses(), new RunStop(), { log << it })
    def web = group(machine('web'))

    /** A loopback port nothing listens on. */
    static int closedPort() {
        def closed = new ServerSocket(0, 1, InetAddress.loopbackAddress)
        int port = closed.localPort
        closed.close()
        port
    }

    def "a TCP check passes when the port answers and fails when nothing listens"() {
        given:
        def listening = new ServerSocket(0, 1, InetAddress.loopbackAddress)
        int closedPort = closedPort()

        when:
        def results = checks.run([new SmokeCheck(CheckKind.TCP, 'web', listening.localPort, null, null),
                                  new SmokeCheck(CheckKind.TCP, 'web', closedPort, null, null)], 1, web)

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
        def results = checks.run([new SmokeCheck(CheckKind.HTTP, 'web', null, url, null), new SmokeCheck(CheckKind.HTTP, 'web', null, url, 503)], 1, web)

        then:
        results*.outcome() == [CheckOutcome.FAILED, CheckOutcome.PASSED]
        results[0].detail().startsWith('HTTP 503, expected 200 from ')

        cleanup:
        server.stop(0)
    }

    def "a drill whose smoke check fails has failed, and says so"() {
        given:
        int port = closedPort()

        when:
        def report = runner(plan([group(machine('web'))], [new SmokeCheck(CheckKind.TCP, 'web', port, null, null)])).run('estate')

        then:
        report.status() == RunStatus.FAILED
        report.reason() == 'a smoke check failed'
        report.checks()*.outcome() == [CheckOutcome.FAILED]
    }

    def "a check with a timeout is tried every retryEvery until its timeout is spent, on the provider's clock"() {
        given:
        int port = closedPort()

        when:
        def results = checks.run([new SmokeCheck(CheckKind.TCP, 'web', port, null, null, null, Duration.ofMinutes(1), Duration.ofSeconds(15)),
                                  new SmokeCheck(CheckKind.TCP, 'web', port, null, null, null, Duration.ofMinutes(1), null)], 1, web)

        then: 'tries at 0, 15, 30, 45 and 60 seconds; then every 10 seconds, the default'
        results*.tries() == [5, 7]
        results*.seconds() == [60L, 60L]
        results*.outcome() == [CheckOutcome.FAILED, CheckOutcome.FAILED]
        results[0].detail().endsWith('; still failing after 1m')
        log[0].endsWith('(5 tries in 1m)')
    }

    def "a check tried once takes one try, and one that passes stops trying"() {
        given:
        def listening = new ServerSocket(0, 1, InetAddress.loopbackAddress)

        when:
        def results = checks.run([new SmokeCheck(CheckKind.TCP, 'web', listening.localPort, null, null, null, Duration.ofMinutes(5), Duration.ofSeconds(15))], 1, web)

        then:
        results*.tries() == [1]
        results*.outcome() == [CheckOutcome.PASSED]

        cleanup:
        listening.close()
    }

    def "a group's failing check stops the later groups of a drill, and its time is on the timeline"() {
        given:
        int port = closedPort()
        def first = new RecoveryGroup([machine('db')], [], [], [new SmokeCheck(CheckKind.TCP, 'db', port, null, null, null, Duration.ofSeconds(30), Duration.ofSeconds(10))], onFailure)

        when:
        def report = runner(plan([first, group(machine('app'))]), mode).run('estate')

        then:
        failedOver == expectedFailedOver
        report.status() == RunStatus.FAILED
        report.groups()[0].checks()*.tries() == [4]
        report.groups()[0].endSeconds() == 60 + 30
        report.reason() == "tcp check db:${port} of group 1 failed${wentOn ? ' (the run went on)' : ''}".toString()

        where:
        mode                            | onFailure             || expectedFailedOver | wentOn
        RecoveryRunner.Mode.TEST        | null                  || ['db']             | false
        RecoveryRunner.Mode.TEST        | CheckFailure.CONTINUE || ['db', 'app']      | true
        RecoveryRunner.Mode.UNPLANNED   | null                  || ['db', 'app']      | true
        RecoveryRunner.Mode.UNPLANNED   | CheckFailure.STOP     || ['db']             | false
    }
}
