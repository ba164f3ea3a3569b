package siteplan.dsl;

import siteplan.model.ProtectionGroup;

/** {@code protectionGroup('erp') { source 'amsterdam'; target 'contoso-dr'; policy 'gold'; members 'erp-db01' }} */
public class ProtectionGroupContext extends BlockContext {
    private final String name;

    ProtectionGroupContext(String name) {
        super("protection group '" + name + "'", "protectionGroup:" + name);
        this.name = name;
    }

    public void source(Object site) { set("source", site, ValueType.TEXT); }
    public void target(Object target) { set("target", target, ValueType.TEXT); }
    public void policy(Object policy) { set("policy", policy, ValueType.TEXT); }
    public void sourceCloud(Object cloud) { set("sourceCloud", cloud, ValueType.TEXT); }
    public void targetCloud(Object cloud) { set("targetCloud", cloud, ValueType.TEXT); }
    public void processServer(Object server) { set("processServer", server, ValueType.TEXT); }
    public void masterTarget(Object server) { set("masterTarget", server, ValueType.TEXT); }
    public void storageAccount(Object account) { set("storageAccount", account, ValueType.TEXT); }
    public void pushAccount(Object ref) { set("pushAccount", ref, ValueType.SECRET); }
    public void members(Object... machines) { add("members", machines, ValueType.TEXT); }
    public void tagged(Object... tags) { add("tagged", tags, ValueType.TEXT); }

    @Override protected String exampleFor(String p) {
        return switch (p) { case "source" -> "'amsterdam'"; case "target" -> "'contoso-dr'"; case "policy" -> "'gold'"; default -> super.exampleFor(p); };
    }

    ProtectionGroup build() {
        require("source", "target", "policy");
        return new ProtectionGroup(name, textValue("source"), textValue("target"), textValue("policy"), textValue("sourceCloud"), textValue("targetCloud"),
                textValue("processServer"), textValue("masterTarget"), textValue("storageAccount"), secretRefValue("pushAccount"), textsValue("members"), textsValue("tagged"));
    }
}
