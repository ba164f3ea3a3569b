package siteplan.planner.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule family over the facts and collects what they return. Each family is a class whose
 * methods carry the rule IDs they check; the facts are only read.
 */
public final class RuleEngine {
    private RuleEngine() {}

    public static List<Finding> check(Facts f) {
        List<Finding> all = new ArrayList<>();
        all.addAll(SourceRules.check(f));
        all.addAll(ProcessServerRules.check(f));
        all.addAll(ConfigurationServerRules.check(f));
        all.addAll(MasterTargetRules.check(f));
        all.addAll(PolicyRules.check(f));
        all.addAll(MappingRules.check(f));
        all.addAll(RecoveryPlanRules.check(f));
        all.addAll(FailbackRules.check(f));
        all.addAll(MobilityRules.check(f));
        all.addAll(ModernizedRules.check(f));
        // One order for every run (Finding.compareTo), and a finding two paths reach shown once.
        return all.stream().sorted().distinct().toList();
    }
}
