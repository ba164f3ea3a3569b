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
 * format), as `mvn package` names them (cli/pom.xml). Specs run before `package` shades the jar, so the jar made here
 * runs exactly the classes on the spec's class path: its manifest has the shaded jar's Main-Class and Add-Opens and a
 * Class-Path of those classes. `java -jar` runs it as it runs the shaded one.
 */
final class ReleaseJar {
    private ReleaseJar() {}

    static String version() {
        Build.current().version()
    }

    static String name() {
        "siteplan-${version()}.jar"
    }

    /** Writes the jar and its .sha256 into {@code dir}; returns the jar. */
    static Path write(Path dir) {
        Files.createDirectories(dir)
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
