package siteplan.planner.rules

import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Matcher

/**
 * docs/rules.md, written from the rule classes and the profiles so it cannot drift from them: each family's
 * class comment, each rule's comment (the one that starts with its ID), the severities its findings are
 * reported with, and the limit every profile gives it (the profile lines whose comment names the ID).
 */
class RulesReference {
    static final String ID = /[A-Z]{2,5}(?:-[A-Z0-9]+)+/

    /** The repository's root, from the planner module's folder or from the root itself. */
    static Path root() {
        Files.isDirectory(Path.of('planner', 'src')) ? Path.of('').toAbsolutePath() : Path.of('..').toAbsolutePath().normalize()
    }

    static String generate(Path root = root()) {
        Path rules = root.resolve('planner/src/main/java/siteplan/planner/rules')
        Path profiles = root.resolve('planner/src/main/resources/siteplan/profiles')
        List<Path> profileFiles = Files.list(profiles).withCloseable { s -> s.filter { it.toString().endsWith('.yaml') }.sorted().toList() }
        Map<String, Map<String, List<String>>> limits = profileFiles.collectEntries { [(it.fileName.toString() - '.yaml'): limitsOf(it)] }
        List<Path> families = Files.list(rules).withCloseable { s -> s.filter { it.fileName.toString().endsWith('Rules.java') }.sorted().toList() }

        StringBuilder md = new StringBuilder()
        md << '''# Rules

<!-- Generated from planner/src/main/java/siteplan/planner/rules/*Rules.java and
planner/src/main/resources/siteplan/profiles/*.yaml by RulesReferenceSpec; do not edit by hand:
run the planner's tests with -Dsiteplan.docs.write=true to write it again. -->

Every finding of a plan names the rule it comes from. **error** blocks `apply` (and drills, failovers and
failback, whose preflight checks the error findings again — except another recovery plan's RP-* findings and
ARCH-CLASSIC, which is about protecting machines anew); **warning** is shown and does not block;
**info** explains what will happen. The limits are data in profiles: each vault's architecture picks
one (classic: `asr-2015`; modernized, a vault of replication appliances: `asr-2026`), and
`--profile NAME|FILE` replaces the bundled one of the architecture that profile names. A limit a profile
leaves out (—) is not checked for that architecture.

Some rules are not findings but what siteplan does: SRC-RESIZE (a resized disk is re-replicated) and
SRC-MECHANISM (a changed replication mechanism re-protects every machine), FB-STAGES (failback in four
stages) and MOB-SERVICES (Mobility drift installed and started) are actions of the plan; RP-UNPLANNED
(an unplanned failover needs a confirmation) and UPD-ORDER (update order) act when the executor runs;
RP-HEALTH is a warning in plans and an error in the preflight of drills and failovers.

'''
        md << '| profile | what it is |\n|---|---|\n'
        profileFiles.each { p -> md << "| `${p.fileName.toString() - '.yaml'}` | ${field(p, 'description')} |\n" }
        families.each { f -> md << family(f, limits) }
        md.toString()
    }

    private static String family(Path file, Map<String, Map<String, List<String>>> limits) {
        String src = Files.readString(file)
        String cls = file.fileName.toString() - '.java'
        Matcher head = src =~ /(?s)\/\*\*(.*?)\*\/\s*(?:public\s+)?final class /
        String title = head.find() ? text(head.group(1)) : cls
        Map<String, String> what = [:]
        (src =~ /(?s)\/\*\*(.*?)\*\//).each { m ->
            String t = text(m[1] as String)
            Matcher ids = t =~ /^((?:${ID})(?:(?:,| and| \/) (?:${ID}))*)(?: \(([^)]*)\))?: (.*)$/
            if (ids.find()) (ids.group(1) =~ ID).each { String id ->
                String said = (ids.group(2) ? "(${ids.group(2)}) " : '') + ids.group(3)
                what[id] = what[id] ? what[id] + ' ' + said : said
            }
        }
        Map<String, Set<String>> severities = new TreeMap<>()
        (src =~ /report\(([^;]*?)Severity\.(\w+)(?:\s*:\s*Severity\.(\w+))?/).each { m ->
            ((m[1] as String) =~ /"(${ID})"/).each { id ->
                Set<String> s = severities.computeIfAbsent(id[1] as String) { new TreeSet<String>() }
                s << (m[2] as String).toLowerCase()
                if (m[3]) s << (m[3] as String).toLowerCase()
            }
        }
        List<String> ids = (what.keySet() + severities.keySet()).toList().unique()
        int dot = title.indexOf('. ')
        String more = dot > 0 ? title.substring(dot + 2) + ' ' : ''
        title = (dot > 0 ? title.substring(0, dot) : title) - ~/\.$/
        StringBuilder md = new StringBuilder("\n## ${title}\n\n${more}`${cls}`\n\n")
        md << '| rule | what it checks | severity | ' + limits.keySet().collect { "`${it}`" }.join(' | ') + ' |\n'
        md << '|---|---|---|' + limits.keySet().collect { '---|' }.join('') + '\n'
        ids.each { id ->
            md << "| ${id} | ${(what[id] ?: '').replace('|', '\\|')} | ${severities[id]?.join(' / ') ?: '—'} | "
            md << limits.values().collect { l -> (l[id] ?: []).join('<br>').replace('|', '\\|') ?: '—' }.join(' | ') << ' |\n'
        }
        md.toString()
    }

    /** A Javadoc comment's text on one line. */
    private static String text(String comment) {
        comment.readLines().collect { it.trim().replaceFirst(/^\*\s?/, '') }.join(' ').trim().replaceAll(/\s+/, ' ').replaceAll(/\{@code ([^}]*)\}/, '`$1`')
    }

    private static String field(Path profile, String key) {
        Files.readAllLines(profile).find { it.startsWith(key + ':') }?.substring(key.length() + 1)?.trim()
    }

    /** For each rule ID, the profile's settings whose line comment names it: "section.key: value". */
    static Map<String, List<String>> limitsOf(Path profile) {
        Map<String, List<String>> byId = [:]
        List<String> lines = Files.readAllLines(profile)
        String section = null
        lines.eachWithIndex { String l, int i ->
            if (l ==~ /^\w+:\s*(#.*)?$/) { section = l.substring(0, l.indexOf(':')); return }
            Matcher m = l =~ /^\s+(\w+):\s*([^#]*?)\s*#\s*(.*)$/
            if (!m.find()) return
            String value = m.group(2)
            if (!value) {
                List<String> items = []
                for (int j = i + 1; j < lines.size() && lines[j].startsWith('    '); j++) items << lines[j].trim().replaceFirst(/^- /, '')
                value = items.every { !it.contains('{') } ? items.join(', ') : "${items.size()} entries: see the profile"
            }
            String setting = "${section}.${m.group(1)}: ${value.replace('"', '')}".toString()
            (m.group(3) =~ ID).each { id -> byId.computeIfAbsent(id as String) { [] } << setting }
        }
        byId
    }
}
