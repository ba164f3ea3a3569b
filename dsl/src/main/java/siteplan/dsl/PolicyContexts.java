package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.time.Duration;
import siteplan.model.*;

/** Replication policy blocks: VMware/physical to Azure (seed 000 step 7) and Hyper-V (seed 003). */
public final class PolicyContexts {
    private PolicyContexts() {}

    /** {@code replicationPolicy('gold') { rpoThreshold 15.minutes; retention 24.hours; appConsistentFrequency 60.minutes }} */
    public static class ReplicationPolicyContext extends BlockContext {
        private final Slot<Duration> rpoThreshold = Slot.duration("rpoThreshold", "15.minutes");
        private final Slot<Duration> retention = Slot.duration("retention", "24.hours");
        private final Slot<Duration> appConsistentFrequency = Slot.duration("appConsistentFrequency", "60.minutes");
        private final Slot<Boolean> multiVmConsistency = Slot.bool("multiVmConsistency");
        private final Slot<Duration> recoveryPointHistory = Slot.duration("recoveryPointHistory", "3.days");
        private final Slot<Duration> crashConsistentFrequency = Slot.duration("crashConsistentFrequency", "5.minutes");
        private final String name;

        ReplicationPolicyContext(String name) {
            super("replication policy '" + name + "'", Address.policy(name));
            this.name = name;
        }

        public Object rpoThreshold(Object d) { return set(rpoThreshold, d); }
        public Object retention(Object d) { return set(retention, d); }
        public Object appConsistentFrequency(Object d) { return set(appConsistentFrequency, d); }
        public Object multiVmConsistency(Object on) { return set(multiVmConsistency, on); }
        /** Modernized form: how long recovery points are kept (at most 15 days, RCM-POLICY-HISTORY). */
        public Object recoveryPointHistory(Object d) { return set(recoveryPointHistory, d); }
        /** Modernized form: how often a crash-consistent point is taken (5 minutes unless declared). */
        public Object crashConsistentFrequency(Object d) { return set(crashConsistentFrequency, d); }

        ReplicationPolicy build() {
            // A policy is of the form its words say; the validator checks the form against the groups' targets (POL-FORM).
            boolean modernized = recoveryPointHistory.get() != null || crashConsistentFrequency.get() != null;
            if (modernized) {
                require(recoveryPointHistory);
                // POL-FORM: one form per policy, or Azure would be sent half of each.
                for (Slot<Duration> classic : java.util.List.of(rpoThreshold, retention)) {
                    if (classic.get() != null) problem("replication policy '" + name + "' mixes " + classic.word + " (classic form) with recoveryPointHistory (modernized form) — a policy has one form (POL-FORM)");
                }
            } else {
                // POL-FIELDS: a classic policy has all three settings.
                require(rpoThreshold, retention, appConsistentFrequency);
            }
            return new ReplicationPolicy(name, rpoThreshold.get(), retention.get(), appConsistentFrequency.get(), multiVmConsistency.flag(),
                    recoveryPointHistory.get(), crashConsistentFrequency.get());
        }
    }

    /** {@code hyperVPolicy('gold-hv') { copyFrequency 30.seconds; authentication 'kerberos' }} */
    public static class HyperVPolicyContext extends BlockContext {
        private final Slot<Duration> copyFrequency = Slot.duration("copyFrequency", "30.seconds");
        private final Slot<Integer> recoveryPoints = Slot.integer("recoveryPoints", "12");
        private final Slot<Duration> appConsistentFrequency = Slot.duration("appConsistentFrequency", "4.hours");
        private final Slot<Boolean> compression = Slot.bool("compression");
        private final Slot<HyperVAuthentication> authentication = Slot.token("authentication", HyperVAuthentication.class, "'kerberos'");
        private final Slot<Integer> port = Slot.integer("port", "8083");
        private final Slot<Boolean> deleteReplica = Slot.bool("deleteReplica");
        private final String name;
        private InitialReplication initial;

        HyperVPolicyContext(String name) {
            super("Hyper-V policy '" + name + "'", Address.policy(name));
            this.name = name;
        }

        public Object copyFrequency(Object d) { return set(copyFrequency, d); }
        public Object recoveryPoints(Object hours) { return set(recoveryPoints, hours); }
        public Object appConsistentFrequency(Object d) { return set(appConsistentFrequency, d); }
        public Object compression(Object on) { return set(compression, on); }
        public Object authentication(Object kind) { return set(authentication, kind); }
        public Object port(Object port) { return set(this.port, port); }
        public Object deleteReplica(Object on) { return set(deleteReplica, on); }

        public void initialReplication(@DelegatesTo(value = InitialReplicationContext.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
            initial = Evaluation.current().configure(new InitialReplicationContext(name), body).build();
        }

        HyperVPolicy build() {
            require(copyFrequency, authentication);
            return new HyperVPolicy(name, copyFrequency.get(), recoveryPoints.get(), appConsistentFrequency.get(), compression.flag(),
                    authentication.get(), port.get(), initial, deleteReplica.flag());
        }
    }

    /** {@code initialReplication { method 'offline'; exportPath '\\\\fs01\\export'; importPath '\\\\fs02\\import' }} */
    public static class InitialReplicationContext extends BlockContext {
        private final Slot<InitialReplicationMethod> method = Slot.token("method", InitialReplicationMethod.class, "'network'");
        private final Slot<String> startTime = Slot.text("startTime", "'23:00'");
        private final Slot<String> exportPath = Slot.text("exportPath", "'\\\\\\\\fs01\\\\export'");
        private final Slot<String> importPath = Slot.text("importPath", "'\\\\\\\\fs02\\\\import'");
        InitialReplicationContext(String policy) {
            super("initial replication of policy '" + policy + "'", Address.policy(policy).child(Address.Kind.INITIAL_REPLICATION));
        }

        public Object method(Object how) { return set(method, how); }
        public Object startTime(Object hhmm) { return set(startTime, hhmm); }
        public Object exportPath(Object path) { return set(exportPath, path); }
        public Object importPath(Object path) { return set(importPath, path); }

        InitialReplication build() {
            require(method);
            return new InitialReplication(method.get(), startTime.get(), exportPath.get(), importPath.get());
        }
    }
}
