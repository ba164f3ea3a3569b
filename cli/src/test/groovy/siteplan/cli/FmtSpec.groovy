package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.TempDir
import spock.lang.Unroll

/**
 * siteplan fmt lays out .groovy definitions canonically, as terraform fmt does HCL: the same result
 * however a file was written, comments and the text of strings kept, formatted files left alone, and
 * never a change to the model a definition loads to.
 */
class FmtSpec extends CliSpecification {
    static final Path MESSY = Path.of('cli/src/test/resources/fmt/messy.groovy')
    static final Path FORMATTED = Path.of('cli/src/test/resources/fmt/messy.formatted.groovy')

    @TempDir
    Path dir

    /** The model a definition loads to, as export writes it. */
    String model(Path definition) {
        assert siteplan('export', definition.toString()) == ExitCode.OK
        out
    }

    /** A copy of an example folder, without the state or history a run may have left in it. */
    Path copyOf(String example) {
        Path from = Path.of('examples', example)
        Path to = dir.resolve(example)
        Files.walk(from).withCloseable { s ->
            s.filter { !from.relativize(it).toString().split('/').any { it.startsWith('.') } }.each { f ->
                Path t = to.resolve(from.relativize(f).toString())
                if (Files.isDirectory(f)) Files.createDirectories(t) else Files.copy(f, t)
            }
        }
        to
    }

    Map<String, String> texts(Path folder) {
        Files.walk(folder).withCloseable { s -> s.filter { Files.isRegularFile(it) }.toList().collectEntries { [folder.relativize(it).toString(), Files.readString(it)] } }
    }

    static List<String> examples() {
        new File('examples').listFiles().findAll { it.directory && !(it.name in ['broken', 'ci']) }*.name.sort()
    }

    @Unroll
    def "examples/#example is formatted already: fmt changes no file and the model stays the same"() {
        given:
        Path copy = copyOf(example)
        def files = texts(copy)
        def before = model(copy)

        expect:
        siteplan('fmt', '--check', copy.toString()) == ExitCode.OK
        out == ''
        siteplan('fmt', copy.toString()) == ExitCode.OK
        out == ''
        texts(copy) == files
        model(copy) == before

        where:
        example << examples()
    }

    def "a messy definition is laid out canonically, comments and multi-line text kept, and loads to the same model"() {
        given:
        Path f = dir.resolve('estate.groovy')
        Files.copy(MESSY, f)
        def before = model(f)

        when:
        int code = siteplan('fmt', f.toString())

        then: 'the file changed is named'
        code == ExitCode.OK
        out == "${f}\n"
        err == ''

        and: 'block nesting indents by 4 spaces; strings with braces and //, GStrings and comments are left as written'
        Files.readString(f) == Files.readString(FORMATTED)
        Files.readString(f).contains("        tags 'a{b', 'c // not a comment', \"d}\"\n")
        Files.readString(f).contains("    network 'VM Network'   // a comment with { and } and 'quotes'\n")
        Files.readString(f).contains("            tags \"tier-\${n.startsWith('web') ? 'web' : '{app}'}\",\n                'shared'\n")

        and: "a multi-line string's lines are not re-indented, not even their trailing spaces"
        Files.readString(f).contains("            manual '''Check the database:\n      - run the health query   \n\tthen tell the team }\n'''\n")

        and: 'no tabs in indentation, no trailing spaces outside strings, one blank line at most, one line break at the end'
        Files.readString(f).readLines().findAll { it.startsWith('\t') || it.matches(/^ *\t.*/) } == ['\tthen tell the team }']
        Files.readString(f).readLines().findAll { it.endsWith(' ') } == ['      - run the health query   ']
        !Files.readString(f).contains('\n\n\n')
        Files.readString(f).endsWith('}\n')

        and:
        model(f) == before
    }

    def "fmt of formatted text changes nothing"() {
        given:
        Path f = dir.resolve('estate.groovy')
        Files.copy(MESSY, f)
        siteplan('fmt', f.toString())
        def once = Files.readString(f)

        expect:
        siteplan('fmt', f.toString()) == ExitCode.OK
        out == ''
        Files.readString(f) == once
    }

    def "--check writes nothing, lists the files not formatted and exits 2, as plan --detailed-exitcode does for changes"() {
        given:
        Path messy = dir.resolve('messy.groovy')
        Path tidy = dir.resolve('tidy.groovy')
        Files.copy(MESSY, messy)
        Files.copy(FORMATTED, tidy)
        def bytes = Files.readAllBytes(messy)

        expect:
        siteplan('fmt', '--check', messy.toString(), tidy.toString()) == ExitCode.CHANGES
        out == "${messy}\n"
        Files.readAllBytes(messy) == bytes

        and: 'as terraform spells it'
        siteplan('fmt', '-check', tidy.toString()) == ExitCode.OK
        out == ''
    }

    def "--diff shows each change as a unified diff"() {
        given:
        Path f = dir.resolve('estate.groovy')
        Files.copy(MESSY, f)

        expect:
        siteplan('fmt', '--check', '--diff', f.toString()) == ExitCode.CHANGES
        out.readLines()[0..3] == [f.toString(), "--- a/${f}", "+++ b/${f}", '@@ -1,54 +1,48 @@']
        out.readLines().containsAll(["-\tregion 'northeurope'; resourceGroup 'rg-lab'; vault 'lab-vault'", "+    region 'northeurope'; resourceGroup 'rg-lab'; vault 'lab-vault'"])
    }

    def "a file with a syntax error gets the message validate gives, exit 1, and nothing is written"() {
        given:
        Path f = dir.resolve('syntax-error.groovy')
        Files.copy(Path.of('examples/broken/syntax-error.groovy'), f)
        def bytes = Files.readAllBytes(f)

        when:
        int code = siteplan('fmt', f.toString())
        def fmtErr = err

        then:
        code == ExitCode.INVALID_INPUT
        out == ''
        errLines() == ["(${f}, line 4) the block opened here with { is never closed — add its closing } (the file ended at line 6 still inside it)",
                       '1 problem found; nothing was changed. Names used across files are checked once these are fixed.']
        Files.readAllBytes(f) == bytes

        and:
        siteplan('validate', f.toString()) == ExitCode.INVALID_INPUT
        err == fmtErr
    }

    def "includes are formatted too; YAML and JSON files are left as they are, and fmt says so"() {
        given:
        Path copy = copyOf('vmware-to-azure')
        Path common = copy.resolve('_common.groovy')
        String tidy = Files.readString(common)
        Files.writeString(common, tidy.readLines().collect { it.replace('    ', '\t') + '  ' }.join('\n'))
        Path yaml = copy.resolve('extra.yaml')
        Files.writeString(yaml, 'machines:   \n\t- name: x\n')

        when:
        int code = siteplan('fmt', copy.toString())

        then:
        code == ExitCode.OK
        out == "${common}\n"
        err == "Note: left ${yaml} as it is: fmt lays out .groovy definitions; YAML and JSON files are not changed.\n"
        Files.readString(common) == tidy
        Files.readString(yaml) == 'machines:   \n\t- name: x\n'
    }

    def "a generated estate of 1,000 machines, scrambled, formats back to the generated text and the same model"() {
        given:
        Path estate = dir.resolve('estate')
        assert siteplan('sim', 'generate', '--machines', '1000', '--files', '10', estate.toString()) == ExitCode.OK
        def generated = texts(estate)
        def before = model(estate)
        // Tabs and stray spaces for indentation, trailing spaces, blank lines tripled, blank lines at the end.
        Files.list(estate).withCloseable { s ->
            s.toList().each { f ->
                Files.writeString(f, Files.readString(f).readLines().withIndex().collect { String line, int i ->
                    line.isBlank() ? '\n\n' : (i % 3 == 0 ? '\t' : ' ' * (i % 5)) + line.strip() + (i % 2 == 0 ? '  ' : '')
                }.join('\n') + '\n\n\n')
            }
        }

        expect:
        siteplan('fmt', '--check', estate.toString()) == ExitCode.CHANGES
        out.readLines().size() == 10
        siteplan('fmt', estate.toString()) == ExitCode.OK
        out.readLines().size() == 10
        texts(estate) == generated
        model(estate) == before
    }
}
