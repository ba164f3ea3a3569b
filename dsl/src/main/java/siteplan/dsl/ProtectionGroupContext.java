package siteplan.dsl;

import siteplan.model.ProtectionGroup;

/** {@code protectionGroup('erp') { source 'amsterdam'; target 'contoso-dr'; policy 'gold'; members 'erp-db01' }} */
public class ProtectionGroupContext extends BlockContext {
    private final String name;

    ProtectionGroupContext(String name) {
        super("protection group '" + name + "'", "protectionGroup:" + name);
        this.name = name;
    }

    public Object source(Object site) { return set("source", site, ValueType.TEXT); }
    public Object target(Object target) { return set("target", target, ValueType.TEXT); }
    public Object policy(Object policy) { return set("policy", policy, ValueType.TEXT); }
    public Object sourceCloud(Object cloud) { return set("sourceCloud", cloud, ValueType.TEXT); }
    public Object targetCloud(Object cloud) { return set("targetCloud", cloud, ValueType.TEXT); }
    public Object processServer(Object server) { return set("processServer", server, ValueType.TEXT); }
    public Object masterTarget(Object server) { return set("masterTarget", server, ValueType.TEXT); }
    public Object storageAccount(Object account) { return set("storageAccount", account, ValueType.TEXT); }
    public Object pushAccount(Object ref) { return set("pushAccount", ref, ValueType.SECRET); }
    public void members(Object... machines) { add("members", machines, ValueType.TEXT); }
    public void tagged(Object... tags) { add("tagged", tags, ValueType.TEXT); }
    public Object preventDestroy(Object on) { return set("preventDestroy", on, ValueType.BOOL); }

    @Override protected String exampleFor(String p) {
        return switch (p) { case "source" -> "'amsterdam'"; case "target" -> "'contoso-dr'"; case "policy" -> "'gold'"; default -> super.exampleFor(p); };
    }

    ProtectionGroup build() {
        require("source", "target", "policy");
        return new ProtectionGroup(name, textValue("source"), textValue("target"), textValue("policy"), textValue("sourceCloud"), textValue("targetCloud"),
                textValue("processServer"), textValue("masterTarget"), textValue("storageAccount"), secretRefValue("pushAccount"), textsValue("members"), textsValue("tagged"), flagValue("preventDestroy"));
    }
}
