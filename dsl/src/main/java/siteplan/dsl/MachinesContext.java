package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;

/** {@code machines('amsterdam') { vmwareVm('erp-db01') { … } }}: protected machines of one site; may appear in many files. */
@Doc("The protected machines of one site, named by the block. The block may appear in as many files as the estate needs.")
public class MachinesContext extends BlockContext {
    private final String site;

    MachinesContext(String site) {
        super("machines of site '" + site + "'", null);
        this.site = site;
    }

    @Doc("A VMware virtual machine of the site, protected to Azure.")
    public void vmwareVm(Object name, @DelegatesTo(value = MachineContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        vmwareVm(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void vmwareVm(String name, Closure<?> body, boolean named) {
        declare(name, siteplan.model.MachineKind.VMWARE_VM, body);
    }

    @Doc("A physical server of the site, protected to Azure (it fails back only as a VMware VM, FB-PHYSICAL).")
    public void physicalServer(Object name, @DelegatesTo(value = MachineContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        physicalServer(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void physicalServer(String name, Closure<?> body, boolean named) {
        declare(name, siteplan.model.MachineKind.PHYSICAL, body);
    }

    @Doc("A Hyper-V virtual machine of a VMM site, replicated to the other VMM site.")
    public void hyperVVm(Object name, @DelegatesTo(value = MachineContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        hyperVVm(String.valueOf(name), body, true);
    }

    /** The block word with its name as text; the public form takes any value (a GString, a cell of a table). */
    private void hyperVVm(String name, Closure<?> body, boolean named) {
        declare(name, siteplan.model.MachineKind.HYPERV_VM, body);
    }

    private void declare(String name, siteplan.model.MachineKind kind, Closure<?> body) {
        Evaluation ev = Evaluation.current();
        MachineContext c = ev.configure(new MachineContext(name, kind, site), body);
        ev.declarations.machines.add(c.build());
    }
}
