package siteplan.cli

import com.sun.net.httpserver.HttpServer
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.util.jar.Attributes
import java.util.jar.JarOutputStream
import java.util.jar.Manifest

/**
 * The release artifact as a download serves it: siteplan-VERSION.jar and siteplan-VERSION.jar.sha256 (sha256sum's
 * format), as `mvn package` names them (cli/pom.xml). In `mvn verify`'s integration-test phase (cli/pom.xml), after
 * package, it is the jar package built ({@link #BUILT}, system property siteplan.release.jar). Specs that run before
 * package (the test phase, an IDE) get a stand-in that runs exactly the classes on the spec's class path: its
 * manifest has the shaded jar's Main-Class and Add-Opens and a Class-Path of those classes.
 */
final class ReleaseJar {
    private ReleaseJar() {}

    static String version() {
        Build.current().version()
    }

    static String name() {
        "siteplan-${version()}.jar"
    }

    /** The jar `mvn package` built, when this spec runs after package (see cli/pom.xml); else null. */
    static final Path BUILT = Optional.ofNullable(System.getProperty('siteplan.release.jar')).map { Path.of(it) }.orElse(null)

    /** True when {@link #write} serves the jar package built, not a stand-in. */
    static boolean built() {
        BUILT != null
    }

    /** Writes the jar and its .sha256 into {@code dir}; returns the jar. */
    static Path write(Path dir) {
        Files.createDirectories(dir)
        if (BUILT != null) {
            // Named by the pom that ran this spec: missing means package did not run, which must fail, not fall back.
            assert Files.isRegularFile(BUILT): "siteplan.release.jar names ${BUILT}, which package did not write"
            Path jar = Files.copy(BUILT, dir.resolve(name()), java.nio.file.StandardCopyOption.REPLACE_EXISTING)
            Files.writeString(dir.resolve(name() + '.sha256'), "${sha256(jar)}  ${name()}\n")
            return jar
        }
        Manifest manifest = new Manifest()
        Attributes main = manifest.mainAttributes
        main.put(Attributes.Name.MANIFEST_VERSION, '1.0')
        main.put(Attributes.Name.MAIN_CLASS, 'siteplan.cli.Main')
        main.put(new Attributes.Name('Add-Opens'), 'java.base/java.lang')
        main.put(Attributes.Name.CLASS_PATH, System.getProperty('java.class.path').split(File.pathSeparator)
                .collect { Path.of(it).toAbsolutePath().toUri().toString() }.join(' '))
        Path jar = dir.resolve(name())
        new JarOutputStream(Files.newOutputStream(jar), manifest).close()
        Files.writeString(dir.resolve(name() + '.sha256'), "${sha256(jar)}  ${name()}\n")
        jar
    }

    static String sha256(Path file) {
        MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(file)).encodeHex().toString()
    }

    /** An HTTP server on 127.0.0.1 serving the files of {@code dir} by name (404 for anything else); stop it with stop(0). */
    static HttpServer serve(Path dir) {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        server.createContext('/') { exchange ->
            Path file = dir.resolve(exchange.requestURI.path.substring(1)).normalize()
            boolean found = file.parent == dir.normalize() && Files.isRegularFile(file)
            byte[] body = found ? Files.readAllBytes(file) : 'not found\n'.bytes
            exchange.sendResponseHeaders(found ? 200 : 404, body.length)
            exchange.responseBody.withCloseable { it.write(body) }
        }
        server.start()
        server
    }

    static String url(HttpServer server, String file) {
        "http://127.0.0.1:${server.address.port}/${file}"
    }
}
