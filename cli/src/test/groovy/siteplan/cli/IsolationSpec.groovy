package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import siteplan.dsl.isolation.IsolatedEvaluator
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

/**
 * The evaluator's isolation holds by itself: with every check of the sandbox switched off (a JVM
 * property only a test can set), definition code runs freely inside the evaluator process, and still
 * reads no file outside the definition, no secret, no other process's /proc, writes nothing outside,
 * runs nothing that leaves a trace, and connects nowhere.
 */
class IsolationSpec extends Specification {
    static final String SECRET = 'S3CRET-canary-4f1e'
    static final String FILE_SECRET = 'FILE-canary-77ab'

    @Shared Path top
    @Shared Path defs
    @Shared ServerSocket listener
    @Shared List<Socket> accepted = Collections.synchronizedList([])

    def setupSpec() {
        // What this spec needs, the project's own script installs (Debian's bubblewrap).
        def install = new ProcessBuilder('bash', '.ci/install-bubblewrap').inheritIO().start()
        assert install.waitFor(600, TimeUnit.SECONDS) && install.exitValue() == 0: 'could not install bubblewrap'
        assert IsolatedEvaluator.isolation() == IsolatedEvaluator.Isolation.NAMESPACES:
                'bubblewrap must be able to create namespaces here (.ci/run installs it)'
        top = Files.createTempDirectory('isolation')
        Files.writeString(top.resolve('canary.txt'), FILE_SECRET)
        Files.writeString(top.resolve('secrets.properties'), "asr-push-admin=${SECRET}\n")
        listener = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
        Thread.startDaemon { while (!listener.closed) { try { accepted << listener.accept() } catch (IOException ignored) { } } }
    }

    def cleanupSpec() {
        listener?.close()
        top?.toFile()?.deleteDir()
    }

    /** Runs `siteplan validate` as its own process, as a user or CI would, with secrets in its environment. */
    Map run(String code) {
        defs = Files.createTempDirectory(top, 'defs')
        Files.writeString(defs.resolve('estate.groovy'), code
                .replace('@CANARY@', top.resolve('canary.txt').toString())
                .replace('@SECRETS@', top.resolve('secrets.properties').toString())
                .replace('@WRITE@', top.resolve('written.txt').toString())
                .replace('@MARKER@', top.resolve('marker').toString())
                .replace('@PORT@', listener.localPort.toString())
                .replace('@TOP@', top.toString()))
        def cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-Dsiteplan.test.interception=off',
                   '-cp', System.getProperty('java.class.path'), 'siteplan.cli.Main', 'validate', defs.toString()]
        def pb = new ProcessBuilder(cmd).directory(top.toFile()).redirectErrorStream(true)
        pb.environment().putAll([SITEPLAN_SECRET_ASR_PUSH_ADMIN: SECRET, AZURE_CLIENT_SECRET: SECRET, GITHUB_TOKEN: SECRET,
                                 SITEPLAN_SECRETS_FILE: top.resolve('secrets.properties').toString()])
        def p = pb.start()
        String output = p.inputStream.text
        assert p.waitFor(180, TimeUnit.SECONDS)
        [exit: p.exitValue(), output: output]
    }

    @Unroll
    def "with every check switched off, #what reaches nothing"() {
        when:
        def r = run("""def got = []
try { ${attempt} } catch (Throwable e) { got << ('refused: ' + e.getClass().simpleName) }
println 'RAN ' + got
""")

        then: 'the code ran in the evaluator'
        r.output.contains('RAN ')
        and: 'and got nothing out'
        !r.output.contains(SECRET)
        !r.output.contains(FILE_SECRET)
        !Files.exists(top.resolve('written.txt'))
        !Files.exists(top.resolve('marker'))
        accepted.isEmpty()

        where:
        what                                   | attempt
        'reading a file outside the folder'    | "got << new File('@CANARY@').text"
        'reading the secrets file'             | "got << new File('@SECRETS@').text"
        'listing the folder around it'         | "got << new File('@TOP@').list()?.toList(); got << new File('@TOP@/canary.txt').exists()"
        'the environment'                      | "got << System.getenv().toString()"
        'one variable of the environment'      | "got << System.getenv('SITEPLAN_SECRET_ASR_PUSH_ADMIN') << System.getenv('AZURE_CLIENT_SECRET')"
        "every process's /proc environ"        | "new File('/proc').eachFile { f -> try { got << new File(f, 'environ').text } catch (Throwable t) {} }"
        "the parent's command line and files"  | "new File('/proc').eachFile { f -> try { got << new File(f, 'cmdline').text; got << new File(f, 'root/@CANARY@').text } catch (Throwable t) {} }"
        'the home folder'                      | "got << new File(System.getProperty('user.home')).list()?.toList(); got << new File('/root').list()?.toList()"
        'writing a file outside'               | "new File('@WRITE@').text = 'x'; got << 'wrote'"
        'a process leaving a marker'           | "def p = ['touch', '@MARKER@'].execute(); p.waitFor(); got << p.exitValue()"
        'a shell reading the canary'           | "def p = ['sh', '-c', 'cat @CANARY@; env'].execute(); got << p.text"
        'a TCP connection to 127.0.0.1'        | "new Socket('127.0.0.1', @PORT@).close(); got << 'connected'"
        'an HTTP request to 127.0.0.1'         | "got << new URL('http://127.0.0.1:@PORT@/').text"
        'a connection from a thread'           | "def t = Thread.start { try { new Socket('127.0.0.1', @PORT@) } catch (Throwable x) {} }; t.join(); got << 'tried'"
        'the JVM exit, then the canary'        | "try { got << new File('@CANARY@').text } catch (Throwable t) {}; println 'RAN ' + got; System.exit(0)"
    }

    def "a definition that fills the evaluator's memory is stopped and said so, against its folder, not one of its files"() {
        given: 'two files; one keeps lists of a million numbers until the memory runs out'
        def dir = Files.createTempDirectory(top, 'memory')
        Files.writeString(dir.resolve('a.groovy'), "objectives { rto 4.hours }\n")
        Files.writeString(dir.resolve('b.groovy'), "def all = []\n1000.times { all << (1..1000000).toList() }\n")
        def cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-cp', System.getProperty('java.class.path'),
                   'siteplan.cli.Main', 'validate', dir.toString()]
        def pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        pb.environment().put('SITEPLAN_EVAL_MEMORY', '64m')
        def p = pb.start()
        String output = p.inputStream.text

        expect:
        p.waitFor(120, TimeUnit.SECONDS)
        p.exitValue() == 1
        output.readLines()[0] == "(${dir}) used more than the 64m of memory a definition may use while being evaluated; its evaluation was stopped " +
                '— look for text or lists that grow without end (SITEPLAN_EVAL_MEMORY raises the limit)'
        !output.contains('Terminating due to')
    }

    def "the checks on, the same code is refused before it runs"() {
        given:
        def dir = Files.createTempDirectory(top, 'on')
        Files.writeString(dir.resolve('estate.groovy'), "println new File('${top.resolve('canary.txt')}').text")
        def cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-cp', System.getProperty('java.class.path'),
                   'siteplan.cli.Main', 'validate', dir.toString()]
        def p = new ProcessBuilder(cmd).redirectErrorStream(true).start()
        String output = p.inputStream.text

        expect:
        p.waitFor(120, TimeUnit.SECONDS)
        p.exitValue() == 1
        output.contains("creating 'java.io.File' is not allowed in a site definition")
        !output.contains(FILE_SECRET)
    }
}
