package siteplan.executor

import com.sun.net.httpserver.HttpServer
import java.nio.file.Files
import java.nio.file.Path
import siteplan.executor.history.EstateLock
import siteplan.executor.history.History
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A history remote's password is used for the run and never stored: not in the history repository's
 * .git/config, not in its commits. The remote still receives it, as HTTP basic authentication.
 */
class HistoryRemoteSpec extends Specification {
    @TempDir Path tmp

    def env = [GIT_AUTHOR_NAME: 'Dana Operator', GIT_AUTHOR_EMAIL: 'dana@example.com']

    HttpServer server
    List<String> authorizations = Collections.synchronizedList([])

    /** A git server that only asks for credentials and records what it is sent. */
    def setup() {
        server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
        server.createContext('/') { ex ->
            String auth = ex.requestHeaders.getFirst('Authorization')
            if (auth != null) authorizations << auth
            ex.responseHeaders.add('WWW-Authenticate', 'Basic realm="history"')
            ex.sendResponseHeaders(auth == null ? 401 : 403, -1)
            ex.close()
        }
        server.start()
    }

    def cleanup() {
        server?.stop(0)
    }

    String url(String userInfo) {
        "http://${userInfo}127.0.0.1:${server.address.port}/history.git"
    }

    def "a password in the remote's URL is sent to the remote but never written to .git/config or a commit"() {
        when:
        def h = History.open(tmp.resolve('history'), null, url('alice:Hist0ry-S3cret@'), env)
        def run = h.begin('drill', 'estate')
        run.write('report.json', '{}\n')
        run.commit('drill estate: passed', 'passed', [:])
        new EstateLock(h, 'estate', 'estate', [SITEPLAN_LOCK_DIR: tmp.resolve('locks').toString()]).current()

        then:
        thrown(IOException)

        and: 'the remote was asked with the credentials, for the fetch and the lock'
        authorizations.contains('Basic ' + 'alice:Hist0ry-S3cret'.bytes.encodeBase64().toString())

        and: 'the repository keeps the URL without them'
        def config = Files.readString(tmp.resolve('history/.git/config'))
        config.contains("url = ${url('')}")
        !config.contains('Hist0ry-S3cret')
        !config.contains('alice')
        h.remote() == url('')
        and: 'nothing else in the repository holds it'
        !Files.walk(tmp.resolve('history')).filter { Files.isRegularFile(it) }.anyMatch { new String(Files.readAllBytes(it), 'ISO-8859-1').contains('Hist0ry-S3cret') }

        cleanup:
        h?.close()
    }

    def "the password can come from SITEPLAN_HISTORY_PASSWORD instead, with the URL's user name"() {
        when:
        def h = History.open(tmp.resolve('history'), null, url('bob@'), env + [SITEPLAN_HISTORY_PASSWORD: 'Env-S3cret'])

        then:
        authorizations.contains('Basic ' + 'bob:Env-S3cret'.bytes.encodeBase64().toString())
        !Files.readString(tmp.resolve('history/.git/config')).contains('Env-S3cret')

        cleanup:
        h?.close()
    }

    def "a URL given again with a password replaces the one an older siteplan stored with it"() {
        given:
        def h = History.open(tmp.resolve('history'), null, url(''), env)
        h.close()
        def config = tmp.resolve('history/.git/config')
        Files.writeString(config, Files.readString(config).replace(url(''), url('alice:Old-S3cret@')))

        when:
        h = History.open(tmp.resolve('history'), null, url('alice:New-S3cret@'), env)

        then:
        !Files.readString(config).contains('S3cret')

        cleanup:
        h?.close()
    }
}
