package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Unroll

/**
 * What a user sees, byte for byte: plan (text, JSON, Markdown) of every example, validate of every broken file,
 * both schemas, export of every example in both formats, and a drill's report.json with its times masked.
 *
 * The outputs must not change with a refactor: only a deliberate change of output may change them. They run on
 * copies of the examples under cli/target/golden (a relative path, so they match in any checkout) with SITEPLAN_TODAY fixed,
 * so they match on any day. A deliberate change of output is recorded with -Dsiteplan.golden.record=true and its diff
 * reviewed in the commit that makes it.
 */
class GoldenOutputsSpec extends CliSpecification {
    static final List<String> EXAMPLES = ['vmware-to-azure-modernized', 'vmware-to-azure', 'failback', 'hyperv-vmm-to-vmm', 'mobility-desired-state']
    static final Path WORK = Path.of('cli', 'target', 'golden')
    static final Path GOLDEN = Path.of('cli', 'src', 'test', 'resources', 'golden')
    static final boolean RECORD = Boolean.getBoolean('siteplan.golden.record')

    static final Map<String, String> SECRETS = [
            SITEPLAN_SECRET_ASR_PUSH_ADMIN : 'Adm1n-Push-S3cret-4711',
            SITEPLAN_SECRET_ASR_PUSH_ROOT  : 'R00t-Push-S3cret-0815',
            SITEPLAN_SECRET_VCENTER_ASR    : 'vCenter-S3cret-2342',
            SITEPLAN_SECRET_CS01_PASSPHRASE: 'CS-Passphrase-S3cret-1337']

    @Shared
    Map<String, String> env

    def setupSpec() {
        WORK.toFile().deleteDir()
        Files.createDirectories(WORK)
        Path examples = Path.of('examples')
        EXAMPLES.each { copy(examples.resolve(it), WORK.resolve(it)) }
        copy(examples.resolve('broken'), WORK.resolve('broken'))
        env = new HashMap<>(FIXED_DATE + SECRETS + [SITEPLAN_SIM_SPEED: '500000',
                SITEPLAN_CACHE_DIR: WORK.resolve('user-cache').toAbsolutePath().toString(),
                GIT_AUTHOR_NAME: 'Dana Operator', GIT_AUTHOR_EMAIL: 'dana@example.com'])
    }

    /** A copy with only the committed simulated estate of the example's state folder. */
    static void copy(Path src, Path dst) {
        Files.walk(src).forEach { p ->
            String rel = src.relativize(p).toString()
            if (rel.startsWith('.siteplan/') && rel != '.siteplan/state.json') return
            Path t = dst.resolve(rel)
            if (Files.isDirectory(p)) Files.createDirectories(t)
            else Files.copy(p, t)
        }
    }

    /** Standard output, then a separator and standard error when there is any, then the exit code. */
    String seen(String... args) {
        int code = runWith(env, args)
        out + (err.isEmpty() ? '' : '--- stderr\n' + err) + "--- exit ${code}\n"
    }

    void matches(String name, String actual) {
        Path golden = GOLDEN.resolve(name)
        if (RECORD) {
            Files.createDirectories(golden.parent)
            Files.writeString(golden, actual)
        }
        assert Files.exists(golden): "no golden output ${golden}: record it with -Dsiteplan.golden.record=true"
        assert actual == Files.readString(golden)
    }

    @Unroll
    def "plan of #example as #form is unchanged"() {
        expect:
        matches("plan/${example}.${form}.txt", seen(['plan', "${WORK}/${example}" as String] + flags as String[]))

        where:
        [example, formFlags] << [EXAMPLES, [['text', ['--no-color']], ['json', ['--json']], ['markdown', ['--markdown']]]].combinations()
        form = formFlags[0]
        flags = formFlags[1]
    }

    @Unroll
    def "validate of broken/#file is unchanged"() {
        expect:
        matches("validate/${file.replace('/', '_')}.txt", seen('validate', "${WORK}/broken/${file}" as String))

        where:
        file << brokenFiles()
    }

    static List<String> brokenFiles() {
        Path broken = Path.of('examples', 'broken')
        def files = Files.walk(broken).filter { Files.isRegularFile(it) }.collect { broken.relativize(it).toString() }.sort()
        files + ['duplicates']
    }

    @Unroll
    def "schema #flags is unchanged"() {
        expect:
        matches("schema/${name}.txt", seen((['schema'] + flags) as String[]))

        where:
        flags      | name
        []         | 'estate'
        ['--plan'] | 'plan'
    }

    @Unroll
    def "export of #example as #format is unchanged"() {
        expect:
        matches("export/${example}.${format}.txt", seen('export', "${WORK}/${example}" as String, '--format', format))

        where:
        [example, format] << [EXAMPLES, ['yaml', 'json']].combinations()
    }

    def "a drill's report.json is unchanged, times masked"() {
        given: 'everything protected as declared'
        Path dir = WORK.resolve('drill')
        dir.toFile().deleteDir()
        copy(Path.of('examples', 'vmware-to-azure'), dir)
        assert runWith(env, 'sim', 'init', dir.toString(), '--state', dir.resolve('.siteplan').toString(), '--from-model', '--force') == 0

        when:
        int code = runWith(env, 'drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack')
        Path run = Files.list(dir.resolve('.siteplan/history/runs')).filter { it.fileName.toString().contains('-drill-') }.findFirst().get()

        then:
        code == 0
        matches('drill/erp-failover.report.json', masked(Files.readString(run.resolve('report.json'))))
    }

    /**
     * Wall-clock instants, simulated durations and loopback addresses of the simulated guests vary from run to run, and so
     * do the measured times in the objectives' verdicts (a recovery point's age); their targets and words do not.
     */
    static String masked(String json) {
        json.replaceAll(/("[A-Za-z]*(?:Seconds|At)" : )("[^"]*"|\d+)/, '$1"<masked>"')
                .replaceAll(/127\.\d+\.\d+\.\d+/, '127.x.x.x')
                .replaceAll(/"Objective [^"]*"/) { String note -> note.replaceAll(/(?<!target of )\b\d+[dhms](?: \d+[dhms])*/, '<t>') }
    }
}
