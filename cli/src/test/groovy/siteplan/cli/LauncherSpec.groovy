package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.TempDir

/** ./siteplan, the launcher at the repository's root: it builds the jar in the checkout and installs nothing into the user's Maven repository. */
class LauncherSpec extends Specification {
    @TempDir
    Path tmp

    def "a first run builds with mvn package of the cli and the modules it needs, never mvn install"() {
        given: 'a checkout without a jar, and an mvn on the PATH that records how it was called'
        Path checkout = Files.createDirectories(tmp.resolve('checkout'))
        Files.copy(Path.of('siteplan'), checkout.resolve('siteplan'))
        Files.writeString(checkout.resolve('pom.xml'), '<project/>')
        Path bin = Files.createDirectories(tmp.resolve('bin'))
        Path called = tmp.resolve('mvn-args')
        Files.writeString(bin.resolve('mvn'), "#!/bin/sh\necho \"\$*\" > '${called}'\nexit 1\n")
        bin.resolve('mvn').toFile().setExecutable(true)

        when:
        def pb = new ProcessBuilder('bash', checkout.resolve('siteplan').toString(), 'version').redirectErrorStream(true)
        pb.environment().PATH = bin.toString() + ':' + System.getenv('PATH')
        Process p = pb.start()
        p.inputStream.text
        assert p.waitFor(60, TimeUnit.SECONDS)

        then:
        p.exitValue() == 3
        String args = Files.readString(called).trim()
        args.split(' ').toList().containsAll(['package', '-pl', 'cli', '-am', '-DskipTests'])
        !args.split(' ').contains('install')
        !args.split(' ').contains('deploy')
    }
}
