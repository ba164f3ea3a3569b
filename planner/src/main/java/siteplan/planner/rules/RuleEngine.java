package siteplan.planner.rules;

import java.util.List;

/** Runs every rule family over the facts. Each family is a class whose methods carry the rule IDs they check. */
public final class RuleEngine {
    private RuleEngine() {}

    public static List<Finding> check(Facts f) {
        SourceRules.check(f);
        ProcessServerRules.check(f);
        ConfigurationServerRules.check(f);
        MasterTargetRules.check(f);
        PolicyRules.check(f);
        MappingRules.check(f);
        RecoveryPlanRules.check(f);
        FailbackRules.check(f);
        MobilityRules.check(f);
        return f.findings();
    }
}
