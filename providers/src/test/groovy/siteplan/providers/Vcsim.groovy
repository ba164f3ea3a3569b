package siteplan.providers

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The vCenter simulator as a test peer: built by providers/vcsim/build.sh (which installs Debian's Go
 * and govmomi when missing), started on a free loopback port, stopped when closed.
 */
class Vcsim implements AutoCloseable {
    final Process process
    final Map ready
    private final Path dir

    private Vcsim(Process process, Map ready, Path dir) {
        this.process = process
        this.ready = ready
        this.dir = dir
    }

    /** The repository's root, from wherever the specs run (a module folder or the root). */
    static Path root() {
        Path p = Path.of('').toAbsolutePath()
        while (p != null && !Files.exists(p.resolve('providers/vcsim/build.sh'))) p = p.parent
        assert p != null: 'providers/vcsim/build.sh not found above ' + Path.of('').toAbsolutePath()
        p
    }

    static synchronized String binary() {
        def build = new ProcessBuilder('bash', root().resolve('providers/vcsim/build.sh').toString()).redirectErrorStream(false).start()
        String out = build.inputStream.text.trim()
        String err = build.errorStream.text
        assert build.waitFor() == 0: 'building the vCenter simulator failed:\n' + err
        out.readLines().last()
    }

    /** Serves one site of a siteplan state file (state: path, site: name; datastores: true to serve its datastores by name), or generated VMs (vms: N, disks: D). */
    static Vcsim start(Map options) {
        Path dir = Files.createTempDirectory('vcsim')
        Path readyFile = dir.resolve('ready.json')
        List<String> cmd = [binary(), '-listen', '127.0.0.1:' + (options.port ?: 0), '-readyfile', readyFile.toString()]
        if (options.state) cmd += ['-state', options.state.toString()]
        if (options.site) cmd += ['-site', options.site.toString()]
        if (options.datastores) cmd += ['-datastores']
        if (options.vms) cmd += ['-vms', options.vms.toString(), '-disks', (options.disks ?: 2).toString()]
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve('vcsim.log').toFile()).start()
        long deadline = System.currentTimeMillis() + 180_000
        while (!Files.exists(readyFile) && p.alive && System.currentTimeMillis() < deadline) Thread.sleep(50)
        if (!Files.exists(readyFile)) {
            p.destroyForcibly()
            throw new IllegalStateException('the vCenter simulator did not start:\n' + dir.resolve('vcsim.log').text)
        }
        new Vcsim(p, new ObjectMapper().readValue(readyFile.toFile(), Map), dir)
    }

    String getUrl() { ready.url }
    String getThumbprint() { ready.thumbprint }
    String getUser() { ready.user }
    String getPassword() { ready.password }
    int getPort() { new URL(ready.url as String).port }

    @Override void close() {
        process.destroy()
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor()
        dir.toFile().deleteDir()
    }
}
