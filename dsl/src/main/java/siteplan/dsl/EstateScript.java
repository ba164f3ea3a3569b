package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.MissingMethodException;
import groovy.lang.Script;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import siteplan.dsl.Suggestions;
import siteplan.model.Address;
import siteplan.model.Address.Kind;
import siteplan.model.NetworkMapping;
import siteplan.model.Objectives;
import siteplan.model.SecretRef;
import siteplan.model.StorageMapping;

/**
 * The base class of every definition file: its public methods are the top-level words of the DSL.
 * Everything else a file may do (variables, loops, functions, closures) is plain Groovy, inside the
 * sandbox that {@link Sandbox} compiles it with.
 */
public abstract class EstateScript extends Script {
    private static Evaluation ev() { return Evaluation.current(); }

    /** True when a top-level word is used at top level; otherwise reports where it was used. */
    private static boolean atTopLevel(String word) {
        BlockContext inner = ev().innermost();
        if (inner == null) return true;
        ev().error("'" + word + "' is a top-level block; it cannot appear inside " + inner.label + " — move it out of that block");
        return false;
    }

    public void azure(Object name, @DelegatesTo(value = AzureContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        azure(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void azure(String name, Closure<?> body, boolean named) {
        if (atTopLevel("azure")) ev().declarations.azure.add(ev().configure(new AzureContext(name), body).build());
    }

    public void vmwareSite(Object name, @DelegatesTo(value = VmwareSiteContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        vmwareSite(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void vmwareSite(String name, Closure<?> body, boolean named) {
        if (atTopLevel("vmwareSite")) ev().declarations.vmwareSites.add(ev().configure(new VmwareSiteContext(name), body).build());
    }

    public void vmmSite(Object name, @DelegatesTo(value = VmmSiteContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        vmmSite(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void vmmSite(String name, Closure<?> body, boolean named) {
        if (atTopLevel("vmmSite")) ev().declarations.vmmSites.add(ev().configure(new VmmSiteContext(name), body).build());
    }

    /** Machines of a site; the block may appear in as many files as the estate needs. */
    public void machines(Object site, @DelegatesTo(value = MachinesContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        machines(String.valueOf(site), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void machines(String site, Closure<?> body, boolean named) {
        if (atTopLevel("machines")) ev().configure(new MachinesContext(site), body);
    }

    public void replicationPolicy(Object name, @DelegatesTo(value = PolicyContexts.ReplicationPolicyContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        replicationPolicy(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void replicationPolicy(String name, Closure<?> body, boolean named) {
        if (atTopLevel("replicationPolicy")) {
            ev().declarations.replicationPolicies.add(ev().configure(new PolicyContexts.ReplicationPolicyContext(name), body).build());
        }
    }

    public void hyperVPolicy(Object name, @DelegatesTo(value = PolicyContexts.HyperVPolicyContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        hyperVPolicy(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void hyperVPolicy(String name, Closure<?> body, boolean named) {
        if (atTopLevel("hyperVPolicy")) {
            ev().declarations.hyperVPolicies.add(ev().configure(new PolicyContexts.HyperVPolicyContext(name), body).build());
        }
    }

    @Doc(value = "Maps a source network (a VMware port group or VMM VM network, as site/name when names repeat) to the network"
            + " replicas join after failover: an Azure virtual network or a VMM VM network (MAP-NET).",
            example = "networkMapping 'VM Network', to: 'dr-vnet'")
    public void networkMapping(Map<String, ?> options, String source) {
        String target = mappingTarget("networkMapping", options, source);
        if (target != null && atTopLevel("networkMapping")) {
            ev().sources.add(Address.of(Address.Kind.NETWORK_MAPPING, source), ev().here());
            ev().declarations.networkMappings.add(new NetworkMapping(source, target));
        }
    }

    @Doc(value = "Maps a storage classification of the source VMM site to one of the target site (MAP-STORAGE).",
            example = "storageMapping 'GOLD', to: 'GOLD_TARGET'")
    public void storageMapping(Map<String, ?> options, String source) {
        String target = mappingTarget("storageMapping", options, source);
        if (target != null && atTopLevel("storageMapping")) {
            ev().sources.add(Address.of(Address.Kind.STORAGE_MAPPING, source), ev().here());
            ev().declarations.storageMappings.add(new StorageMapping(source, target));
        }
    }

    private static String mappingTarget(String word, Map<String, ?> options, String source) {
        // Keys read as anything: a script may write one that is not a string ("${'t'}o", [(1): 2]).
        for (Object key : ((Map<?, ?>) options).keySet()) {
            String k = String.valueOf(key);
            if (!k.equals("to")) ev().error("unknown option '" + k + "' of " + word + " '" + source + "'" + Suggestions.didYouMean(k, Set.of("to")));
        }
        Object to = options.get("to");
        if (!(to instanceof CharSequence)) {
            ev().error(word + " '" + source + "' needs a target — write: " + word + " '" + source + "', to: 'name'");
            return null;
        }
        return to.toString();
    }

    public void protectionGroup(Object name, @DelegatesTo(value = ProtectionGroupContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        protectionGroup(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void protectionGroup(String name, Closure<?> body, boolean named) {
        if (atTopLevel("protectionGroup")) ev().declarations.protectionGroups.add(ev().configure(new ProtectionGroupContext(name), body).build());
    }

    public void recoveryPlan(Object name, @DelegatesTo(value = RecoveryPlanContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        recoveryPlan(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void recoveryPlan(String name, Closure<?> body, boolean named) {
        if (atTopLevel("recoveryPlan")) ev().declarations.recoveryPlans.add(ev().configure(new RecoveryPlanContext(name), body).build());
    }

    @Doc(value = "The recovery objectives every recovery plan is held to where it declares none of its own: rto, rpo and the drill"
            + " cadence. Written once for the estate, in any of its files.",
            example = "objectives { … }")
    public void objectives(@DelegatesTo(value = ObjectivesContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        if (atTopLevel("objectives")) {
            Objectives declared = ev().configure(new ObjectivesContext(), body).build();
            if (ev().declarations.objectives == null) ev().declarations.objectives = declared;
        }
    }

    @Doc(value = "Evaluates another definition file in this file's variables, so the functions and closures it defines can be"
            + " used here. The path is relative to this file and must stay inside the definition folder; files whose names"
            + " start with _ are only read when included.",
            example = "include '_common.groovy'")
    public void include(String path) {
        ev().loader.include(ev(), path, getBinding());
    }

    @Doc(value = "The rows of an inventory beside the definition, for data-driven estates: a CSV file with a header row (each"
            + " row a map of column to text) or a YAML/JSON list of maps. The path is relative to this file and must stay"
            + " inside the definition folder, like include.",
            example = "table('inventory.csv').each { row -> … }")
    public java.util.List<java.util.Map<String, Object>> table(String path) {
        return ev().loader.table(ev(), path);
    }

    @Doc(value = "A reference to an entry of the secret store; its value never enters the model, plans or history.",
            example = "secret('vcenter-admin')")
    public SecretRef secret(String name) { return SecretRef.secret(name); }

    @Doc(value = "A reference to an environment variable, read when a command needs it; its value never enters the model.",
            example = "env('VCENTER_PASSWORD')")
    public SecretRef env(String name) { return SecretRef.env(name); }

    /**
     * A name the script does not know. Inside a block it may be a word of that block called from a
     * function (dynamic scope, as people expect from Gradle); otherwise it is reported with a suggestion.
     */
    public Object methodMissing(String name, Object args) {
        Object[] a = args instanceof Object[] arr ? arr : new Object[] {args};
        Evaluation ev = ev();
        BlockContext inner = ev.innermost();
        if (inner != null && BlockContext.words(inner.getClass()).contains(name)) {
            try {
                return SandboxRuntime.word(inner, name, a);
            } catch (MissingMethodException e) {
                if (!name.equals(e.getMethod())) throw e;
                ev.error(name + " in " + inner.label + " is written " + BlockContext.usage(inner.getClass(), name) + " — got " + describe(a));
                return null;
            }
        }
        if (TopWord.ALL.contains(name)) {
            ev.error(name + " is written " + BlockContext.usage(EstateScript.class, name) + " — got " + describe(a));
            return null;
        }
        if (inner != null) {
            inner.reportUnknownWord(ev, name);
        } else {
            // What the block declares is unknown, so names used elsewhere cannot be checked against it:
            // without this, every use of them would be reported ahead of the misspelt word itself.
            ev.complete = false;
            ev.error("unknown block '" + name + "'" + Suggestions.didYouMean(name, TopWord.ALL));
        }
        return null;
    }

    /** Reading a name that is neither a variable of the file nor a word of the block. */
    public Object propertyMissing(String name) {
        Evaluation ev = ev();
        BlockContext inner = ev.innermost();
        if (inner != null && BlockContext.words(inner.getClass()).contains(name)) {
            ev.error(name + " in " + inner.label + " needs a value — write: " + BlockContext.usage(inner.getClass(), name));
        } else {
            Set<String> known = new TreeSet<>();
            getBinding().getVariables().keySet().forEach(k -> known.add(String.valueOf(k)));
            String where = inner == null ? "" : " in " + inner.label;
            String hint = Suggestions.closest(name, known).map(s -> " — did you mean '" + s + "'?")
                    .orElse(" — to write text, quote it: '" + name + "'");
            ev.error("unknown name '" + name + "'" + where + hint);
        }
        return BlockContext.Unresolved.INSTANCE;
    }

    private static String describe(Object[] args) {
        if (args.length == 0) return "nothing";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(ValueType.describe(args[i]));
        }
        return sb.toString();
    }
}
