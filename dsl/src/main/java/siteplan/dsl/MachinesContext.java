package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;

/** {@code machines('amsterdam') { vmwareVm('erp-db01') { … } }}: protected machines of one site; may appear in many files. */
public class MachinesContext extends BlockContext {
    private final String site;

    MachinesContext(String site) {
        super("machines of site '" + site + "'", null);
        this.site = site;
    }

    public void vmwareVm(String name, @DelegatesTo(value = MachineContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        declare(name, siteplan.model.MachineKind.VMWARE_VM, body);
    }

    public void physicalServer(String name, @DelegatesTo(value = MachineContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        declare(name, siteplan.model.MachineKind.PHYSICAL, body);
    }

    public void hyperVVm(String name, @DelegatesTo(value = MachineContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        declare(name, siteplan.model.MachineKind.HYPERV_VM, body);
    }

    private void declare(String name, siteplan.model.MachineKind kind, Closure<?> body) {
        Evaluation ev = Evaluation.current();
        MachineContext c = ev.configure(new MachineContext(name, kind, site), body);
        ev.declarations.machines.add(c.build());
    }
}
