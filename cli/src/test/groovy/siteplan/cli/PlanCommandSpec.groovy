package siteplan.cli

import com.networknt.schema.JsonSchemaFactory
import com.networknt.schema.SpecVersion
import siteplan.model.json.ModelJson
import spock.lang.Unroll

/** `siteplan plan`, `show` and `sim init` as a user runs them, on the shipped examples and their simulated estates. */
class PlanCommandSpec extends CliSpecification {

    @Unroll
    def "examples/#example plans against its simulated estate"() {
        expect:
        siteplan('plan', "examples/${example}") == ExitCode.OK
        out.readLines().last() == summary

        where:
        example                  | summary
        'vmware-to-azure'        | 'Plan: 14 to create, 3 to update, 2 to re-replicate, 0 to replace, 0 to delete. Findings: 0 errors, 1 warning.'
        'failback'               | 'Plan: 3 to create, 1 to update, 1 to re-replicate, 0 to replace, 0 to delete. Findings: 0 errors, 0 warnings.'
        'hyperv-vmm-to-vmm'      | 'Plan: 4 to create, 0 to update, 1 to re-replicate, 0 to replace, 0 to delete. Findings: 0 errors, 1 warning.'
        'mobility-desired-state' | 'Plan: 4 to create, 1 to update, 1 to re-replicate, 0 to replace, 0 to delete. Findings: 0 errors, 1 warning.'
    }

    def "the human view groups changes by site with symbols, reasons, fields and impact"() {
        when:
        siteplan('plan', 'examples/vmware-to-azure')

        then:
        out.contains('''site amsterdam
  ~ mobility.erp-app02
      # repair drift from the desired state (MOB-SERVICES)
      service svagents: "stopped" → "running"''')
        out.contains('''  ~> protection.erp-app01
      # a resized or added disk is protected again: protection is disabled (recovery points kept) and re-enabled (SRC-RESIZE)
      disk d: "225GB" → "300GB"
      impact: 300.0 GB to replicate, about 5.0 h at 100Mbps; not recoverable meanwhile by erp-failover; no new recovery point until re-replication completes (policy RPO 15min)''')
        out.contains('MT-RETENTION-DRIVES warning: the retention volume of master target mt-win01 should stripe 3 drives (1200 source IOPS / 500, churn / 287 GB a day per drive); 1 declared (examples/vmware-to-azure/site.groovy, line 68)')
        !out.contains('\u001b[')
    }

    def "--detailed-exitcode: 2 with changes, 0 without"() {
        given:
        def state = File.createTempDir()

        expect:
        siteplan('plan', 'examples/failback', '--detailed-exitcode') == ExitCode.CHANGES
        siteplan('sim', 'init', 'examples/failback', '--state', state.path, '--from-model') == ExitCode.OK
        out.trim() == "Created a simulated estate in ${state.path}: 3 VMs, 1 vault, 3 protected machines (everything as declared)."
        siteplan('plan', 'examples/failback', '--state', state.path, '--detailed-exitcode') == ExitCode.OK
        out.contains('No changes: what exists matches the definition.')

        cleanup:
        state.deleteDir()
    }

    def "errors make the plan unappliable and exit 1, with or without --detailed-exitcode"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'estate.groovy').text = new File('examples/failback/estate.groovy').text.replace("cacheDisk 600.GB; osDisk 128.GB", "cacheDisk 500.GB; osDisk 128.GB")

        expect:
        siteplan('plan', dir.path, '--state', 'examples/failback/.siteplan') == ExitCode.INVALID_INPUT
        out.contains("PS-CACHE error: process server ps-par01 has a 500 GB cache disk (at least 600 GB) (${dir.path}/estate.groovy, line ")
        out.readLines().last().endsWith('This plan cannot be applied until the errors are fixed.')
        siteplan('plan', dir.path, '--state', 'examples/failback/.siteplan', '--detailed-exitcode') == ExitCode.INVALID_INPUT

        cleanup:
        dir.deleteDir()
    }

    def "the JSON plan is a versioned contract: valid against schemas/plan.schema.json, sorted, and the same every time"() {
        when:
        siteplan('plan', 'examples/vmware-to-azure', '--json')
        def first = out
        siteplan('plan', 'examples/vmware-to-azure', '--json')
        def tree = ModelJson.JSON.readTree(first)
        def schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new File('schemas/plan.schema.json').text)

        then:
        out == first
        tree.get('format_version').asText() == '1.2'
        tree.get('applicable').asBoolean()
        tree.get('model_digest').asText().startsWith('sha256:')
        schema.validate(tree).isEmpty()
        def addresses = tree.get('changes').collect { it.get('address').asText() }
        addresses == addresses.toSorted()
        tree.get('changes').find { it.get('address').asText() == 'protection.erp-app01' }.get('action').asText() == 're-replicate'
    }

    def "the Markdown plan has a summary table, findings, collapsible details and a Mermaid graph of each touched recovery plan"() {
        when:
        siteplan('plan', 'examples/vmware-to-azure', '--markdown')

        then:
        out.startsWith('### siteplan plan: `examples/vmware-to-azure`')
        out.contains('| create | update | re-replicate | reprotect | replace | delete | errors | warnings |')
        out.contains('| 14 | 3 | 2 | 0 | 0 | 0 | 0 | 1 |')
        out.contains('#### Findings')
        out.contains('<details><summary>19 changes</summary>')
        out.contains('#### Recovery plan `erp-failover`')
        out.contains('''```mermaid
flowchart LR
  subgraph g1 [Group 1]
    m_erp_db01["erp-db01"]
  end''')
        out.contains('  m_erp_db01 -.-> m_erp_app01')
    }

    def "show renders a saved plan exactly as plan showed it"() {
        given:
        def dir = File.createTempDir()
        def saved = new File(dir, 'plan.json')

        when:
        // --no-history: a plan saved with history is recorded in the example's own .siteplan, and specs leave the checkout as they found it.
        siteplan('plan', 'examples/hyperv-vmm-to-vmm', '-out', saved.path, '--no-history')
        def planned = out

        then:
        planned.endsWith("Saved the plan to ${saved.path}; apply it with: siteplan apply ${saved.path} examples/hyperv-vmm-to-vmm\n")
        siteplan('show', saved.path) == ExitCode.OK
        planned.startsWith(out)
        siteplan('show', saved.path, '--json') == ExitCode.OK
        out == saved.text

        cleanup:
        dir.deleteDir()
    }

    def "planning without a simulated estate says how to make one"() {
        given:
        def empty = File.createTempDir()

        expect:
        siteplan('plan', 'examples/broken/duplicates/a.groovy', '--state', empty.path) == ExitCode.INVALID_INPUT
        err.trim() == "siteplan: no simulated estate in ${empty.path} — create one with: siteplan sim init PATH --state ${empty.path}"

        cleanup:
        empty.deleteDir()
    }

    def "sim init never overwrites a simulated estate unless asked"() {
        expect:
        siteplan('sim', 'init', 'examples/failback', '--state', 'examples/failback/.siteplan') == ExitCode.INVALID_INPUT
        err.trim() == 'siteplan: examples/failback/.siteplan/state.json already exists; add --force to replace it'
        siteplan('sim', 'init', 'examples/failback', '--partial', 'half') == ExitCode.INVALID_INPUT
        err.trim() == "siteplan: --partial takes a percentage from 0% to 100%, not 'half'"
    }

    def "an unknown profile is an input error naming the bundled ones"() {
        expect:
        siteplan('plan', 'examples/failback', '--profile', 'asr-1999') == ExitCode.INVALID_INPUT
        err.trim() == "siteplan: no profile named 'asr-1999' — bundled profiles: asr-2015, asr-2017 (classic), asr-2026 (modernized); or give a .yaml file"
    }

    def "a profile can be a file of its own"() {
        given:
        def file = File.createTempFile('strict', '.yaml')
        file.text = getClass().getResource('/siteplan/profiles/asr-2015.yaml').text.replace('name: asr-2015', 'name: strict').replace('diskMaxSize: 1023GB', 'diskMaxSize: 200GB')

        expect:
        siteplan('plan', 'examples/failback', '--profile', file.path) == ExitCode.INVALID_INPUT
        out.contains('SRC-DISK-SIZE error: disk d of crm-db01 is 600 GB (limit 200 GB)')
        out.contains('(profile strict)')

        cleanup:
        file.delete()
    }

    def "the committed plan schema is the one the plan records generate"() {
        expect:
        siteplan('schema', '--plan') == ExitCode.OK
        out == new File('schemas/plan.schema.json').text
    }
}
