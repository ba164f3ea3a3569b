package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import siteplan.model.*;

/** Replication policy blocks: VMware/physical to Azure (seed 000 step 7) and Hyper-V (seed 003). */
public final class PolicyContexts {
    private PolicyContexts() {}

    /** {@code replicationPolicy('gold') { rpoThreshold 15.minutes; retention 24.hours; appConsistentFrequency 60.minutes }} */
    public static class ReplicationPolicyContext extends BlockContext {
        private final String name;

        ReplicationPolicyContext(String name) {
            super("replication policy '" + name + "'", "policy:" + name);
            this.name = name;
        }

        public Object rpoThreshold(Object d) { return set("rpoThreshold", d, ValueType.DURATION); }
        public Object retention(Object d) { return set("retention", d, ValueType.DURATION); }
        public Object appConsistentFrequency(Object d) { return set("appConsistentFrequency", d, ValueType.DURATION); }
        public Object multiVmConsistency(Object on) { return set("multiVmConsistency", on, ValueType.BOOL); }

        @Override protected String exampleFor(String p) {
            return switch (p) { case "rpoThreshold" -> "15.minutes"; case "retention" -> "24.hours"; case "appConsistentFrequency" -> "60.minutes"; default -> super.exampleFor(p); };
        }

        ReplicationPolicy build() {
            // POL-FIELDS: a policy has all three settings.
            require("rpoThreshold", "retention", "appConsistentFrequency");
            return new ReplicationPolicy(name, durationValue("rpoThreshold"), durationValue("retention"), durationValue("appConsistentFrequency"), flagValue("multiVmConsistency"));
        }
    }

    /** {@code hyperVPolicy('gold-hv') { copyFrequency 30.seconds; authentication 'kerberos' }} */
    public static class HyperVPolicyContext extends BlockContext {
        private final String name;
        private InitialReplication initial;

        HyperVPolicyContext(String name) {
            super("Hyper-V policy '" + name + "'", "policy:" + name);
            this.name = name;
        }

        public Object copyFrequency(Object d) { return set("copyFrequency", d, ValueType.DURATION); }
        public Object recoveryPoints(Object hours) { return set("recoveryPoints", hours, ValueType.INT); }
        public Object appConsistentFrequency(Object d) { return set("appConsistentFrequency", d, ValueType.DURATION); }
        public Object compression(Object on) { return set("compression", on, ValueType.BOOL); }
        public Object authentication(Object kind) { return set("authentication", kind, ValueType.oneOf(HyperVAuthentication.class)); }
        public Object port(Object port) { return set("port", port, ValueType.INT); }
        public Object deleteReplica(Object on) { return set("deleteReplica", on, ValueType.BOOL); }

        public void initialReplication(@DelegatesTo(value = InitialReplicationContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
            initial = Evaluation.current().configure(new InitialReplicationContext(name), body).build();
        }

        @Override protected String exampleFor(String p) {
            return switch (p) { case "copyFrequency" -> "30.seconds"; case "authentication" -> "'kerberos'"; default -> super.exampleFor(p); };
        }

        HyperVPolicy build() {
            require("copyFrequency", "authentication");
            return new HyperVPolicy(name, durationValue("copyFrequency"), integerValue("recoveryPoints"), durationValue("appConsistentFrequency"), flagValue("compression"),
                    tokenValue("authentication", HyperVAuthentication.class), integerValue("port"), initial, flagValue("deleteReplica"));
        }
    }

    /** {@code initialReplication { method 'offline'; exportPath '\\\\fs01\\export'; importPath '\\\\fs02\\import' }} */
    public static class InitialReplicationContext extends BlockContext {
        InitialReplicationContext(String policy) {
            super("initial replication of policy '" + policy + "'", "policy:" + policy + "/initialReplication");
        }

        public Object method(Object how) { return set("method", how, ValueType.oneOf(InitialReplicationMethod.class)); }
        public Object startTime(Object hhmm) { return set("startTime", hhmm, ValueType.TEXT); }
        public Object exportPath(Object path) { return set("exportPath", path, ValueType.TEXT); }
        public Object importPath(Object path) { return set("importPath", path, ValueType.TEXT); }

        @Override protected String exampleFor(String p) { return p.equals("method") ? "'network'" : super.exampleFor(p); }

        InitialReplication build() {
            require("method");
            return new InitialReplication(tokenValue("method", InitialReplicationMethod.class), textValue("startTime"), textValue("exportPath"), textValue("importPath"));
        }
    }
}
