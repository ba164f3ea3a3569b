package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.TempDir

/**
 * Runs apply, drill and failover against a private copy of an example and its simulated estate,
 * with the secrets a real run would have, and a fast simulated clock.
 */
abstract class ExecutorSpecification extends CliSpecification {
    static final Map<String, String> SECRETS = [
            SITEPLAN_SECRET_ASR_PUSH_ADMIN : 'Adm1n-Push-S3cret-4711',
            SITEPLAN_SECRET_ASR_PUSH_ROOT  : 'R00t-Push-S3cret-0815',
            SITEPLAN_SECRET_VCENTER_ASR    : 'vCenter-S3cret-2342',
            SITEPLAN_SECRET_CS01_PASSPHRASE: 'CS-Passphrase-S3cret-1337']

    @TempDir
    Path tmp

    Map<String, String> env = new HashMap<>(SECRETS + [SITEPLAN_SIM_SPEED: '500000', SITEPLAN_TODAY: '2026-11-22', GIT_AUTHOR_NAME: 'Dana Operator', GIT_AUTHOR_EMAIL: 'dana@example.com'])

    private final List<Process> started = []

    /**
     * The user's model cache and the machine's estate locks of these runs are the spec's own: copies of one example share
     * its simulated estate's ID, so with the machine's lock folder a feature would wait on whatever else on the machine
     * (another build, a run left by an earlier feature) holds that example's lock.
     */
    def setup() {
        env.SITEPLAN_CACHE_DIR = tmp.resolve('user-cache').toString()
        env.SITEPLAN_LOCK_DIR = tmp.resolve('machine-locks').toString()
    }

    /** No process outlives its feature, whatever the feature's outcome; the model cache's background writes finish first. */
    def cleanup() {
        started.each { if (it.alive) { it.destroyForcibly(); it.waitFor(10, TimeUnit.SECONDS) } }
        siteplan.dsl.load.ModelCache.awaitWrites()
    }

    /** A copy of examples/NAME with its committed simulated estate; returns the definition folder. */
    Path estate(String name = 'vmware-to-azure') {
        Path src = (Files.isDirectory(Path.of('examples')) ? Path.of('examples') : Path.of('../examples')).resolve(name)
        Path dst = tmp.resolve(name)
        Files.walk(src).forEach { p ->
            Path rel = src.relativize(p)
            if (rel.toString().startsWith('.siteplan/') && !rel.toString().equals('.siteplan/state.json')) return
            Path t = dst.resolve(rel.toString())
            if (Files.isDirectory(p)) Files.createDirectories(t)
            else Files.copy(p, t)
        }
        dst
    }

    Path state(Path definition) {
        definition.resolve('.siteplan')
    }

    /** Edits a file of a definition, which must hold {@code from}: a spec that edits what is not there says so. */
    static void edit(Path definition, String file, String from, String to) {
        String text = Files.readString(definition.resolve(file))
        assert text.contains(from): "${file} has no '${from}'"
        Files.writeString(definition.resolve(file), text.replace(from, to))
    }

    /** The simulated estate's faults (faults.json in its state folder). */
    void faults(Path definition, String json) {
        Files.writeString(state(definition).resolve('faults.json'), json)
    }

    /** siteplan in this JVM with this spec's environment. */
    int run(String... args) {
        runWith(env, args)
    }

    /** siteplan as a separate process (for kill -9 and true concurrency), in a working directory. */
    Process start(Path cwd, Map<String, String> extraEnv = [:], String... args) {
        def cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-cp', System.getProperty('java.class.path'), 'siteplan.cli.Main'] + args.toList()
        def pb = new ProcessBuilder(cmd).directory(cwd.toFile())
        pb.environment().putAll(env + extraEnv)
        pb.redirectOutput(cwd.resolve("out-${System.nanoTime()}.log").toFile())
        pb.redirectErrorStream(true)
        Process p = pb.start()
        started << p
        p
    }

    static int await(Process p, int seconds = 120) {
        assert p.waitFor(seconds, TimeUnit.SECONDS): "siteplan did not finish within ${seconds}s"
        p.exitValue()
    }

    List<String> operationsLog(Path definition) {
        Path log = state(definition).resolve('operations.log')
        Files.exists(log) ? Files.readAllLines(log).collect { it.substring(it.indexOf(' ') + 1) } : []
    }

    static void write(Path p, String text) {
        Files.writeString(p, text)
    }

    static String read(Path p) {
        Files.readString(p)
    }

    String stateJson(Path definition) {
        Files.readString(state(definition).resolve('state.json'))
    }
}
