package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path

/**
 * What a pipeline installs: the release jar `mvn package` names siteplan-VERSION.jar with a .sha256 beside it, the
 * container image built from it, and `siteplan version`, which says which build is running.
 */
class ReleaseSpec extends CliSpecification {
    static final Path ROOT = (Files.isDirectory(Path.of('examples')) ? Path.of('') : Path.of('..')).toAbsolutePath().normalize()

    static String git(String... args) {
        def p = new ProcessBuilder(['git'] + args.toList()).directory(ROOT.toFile()).redirectErrorStream(true).start()
        String out = p.inputStream.text.trim()
        p.waitFor() == 0 ? out : null
    }

    def "siteplan version names the version, the commit it was built from and the Java runtime, and exits 0"() {
        when:
        int code = siteplan('version')
        def lines = out.readLines()

        then:
        code == ExitCode.OK
        err == ''
        lines[0] == "siteplan ${ReleaseJar.version()}"
        lines[0] ==~ /siteplan \d+\.\d+\.\d+(-SNAPSHOT)?/
        and: 'the commit of the checkout the build ran in (a source archive has none)'
        String head = git('rev-parse', 'HEAD')
        head ? lines[1] ==~ /commit ${head}( with uncommitted changes)?/ : lines[1] == 'commit unknown (built outside a git checkout)'
        and: 'the runtime'
        lines[2].startsWith("Java ${System.getProperty('java.version')} (")
        lines[3].startsWith('Groovy 4.')
    }

    def "--version prints the same"() {
        given:
        siteplan('version')
        String command = out

        expect:
        siteplan('--version') == ExitCode.OK
        out == command
    }

    def "version --json is for scripts: the same facts as fields"() {
        when:
        int code = siteplan('version', '--json')
        def json = new ObjectMapper().readTree(out)

        then:
        code == ExitCode.OK
        json.get('version').asText() == ReleaseJar.version()
        json.get('commit').isNull() ? git('rev-parse', 'HEAD') == null : json.get('commit').asText() == git('rev-parse', 'HEAD')
        json.get('commit_modified').isBoolean()
        json.get('java').asText() == System.getProperty('java.version')
    }

    def "mvn package names the release artifact siteplan-VERSION.jar and writes its SHA-256 beside it in sha256sum's format"() {
        given: 'the build of the cli module'
        def pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve('cli/pom.xml').toFile())
        def xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath()
        def at = { String path -> xpath.evaluate("//plugin[artifactId='maven-antrun-plugin']//execution[id='release-artifact']/" + path, pom) }

        expect:
        at('phase') == 'package'
        at('configuration/target/copy/@tofile') == '${project.build.directory}/siteplan-${project.version}.jar'
        at('configuration/target/checksum/@file') == '${project.build.directory}/siteplan-${project.version}.jar'
        at('configuration/target/checksum/@algorithm') == 'SHA-256'
        at('configuration/target/checksum/@fileext') == '.sha256'
        at('configuration/target/checksum/@pattern') == '{0}  {1}'
    }

    /** The Dockerfile's instructions in order: [instruction, arguments], continuation lines joined and comments left out. */
    static List<List<String>> instructions(Path dockerfile) {
        List<List<String>> found = []
        String pending = ''
        for (String line : Files.readAllLines(dockerfile)) {
            if (line.trim().startsWith('#') || (line.trim().isEmpty() && !pending)) continue
            pending += line.endsWith('\\') ? line[0..-2] + ' ' : line
            if (line.endsWith('\\')) continue
            def m = pending.trim() =~ /^(\w+)\s+(.*)$/
            assert m.matches(): "not an instruction: ${pending}"
            found << [m.group(1).toUpperCase(), m.group(2).trim()]
            pending = ''
        }
        found
    }

    def "the container image copies the release jar onto a Java 17 runtime, runs it as siteplan's entrypoint as a user other than root, in a volume"() {
        given: 'release/Dockerfile, read as a container engine reads it (none is installed here)'
        def steps = instructions(ROOT.resolve('release/Dockerfile'))
        def all = { String kind -> steps.findAll { it[0] == kind }*.getAt(1) }

        expect: 'one stage, on a Java 17 runtime (not a JDK)'
        all('FROM').size() == 1
        all('FROM')[0] ==~ /eclipse-temurin:17(\.[\d.+_]+)?-jre.*/
        and: 'the jar the build makes, by the name it gives it, and its checksum, checked with sha256sum -c'
        all('ARG') == ['SITEPLAN_VERSION']
        def copy = all('COPY')[0].split(/\s+/)
        copy[0] == 'siteplan-${SITEPLAN_VERSION}.jar'
        copy[0].replace('${SITEPLAN_VERSION}', ReleaseJar.version()) == ReleaseJar.name()
        copy[1] == copy[0] + '.sha256'
        all('RUN')[0].contains('sha256sum -c "siteplan-${SITEPLAN_VERSION}.jar.sha256"')
        all('RUN')[0].contains('mv "siteplan-${SITEPLAN_VERSION}.jar" siteplan.jar')
        and: 'the entrypoint in exec form: java -jar that jar, so siteplan gets the signals'
        def entrypoint = new ObjectMapper().readValue(all('ENTRYPOINT')[0], List)
        entrypoint == ['java', '-jar', copy[-1] + 'siteplan.jar']
        and: 'a user other than root, set before the entrypoint'
        def user = all('USER')[-1].split(':')[0]
        !(user in ['root', '0'])
        steps.findLastIndexOf { it[0] == 'USER' } < steps.findIndexOf { it[0] == 'ENTRYPOINT' }
        and: 'the working directory is a volume'
        all('VOLUME').collectMany { new ObjectMapper().readValue(it, List) } == [all('WORKDIR')[-1]]
    }
}
