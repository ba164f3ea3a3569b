package siteplan.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import siteplan.model.Estate;
import siteplan.model.RecoveryPlan;
import siteplan.planner.rules.ReplicationLag;

/**
 * Each machine's current recovery-point age, asked of the provider for the machines of the recovery plans that declare
 * an RPO (RPO-LAG). Only those: an estate without RPO targets asks nothing. When the provider cannot be asked, the
 * plan is still made and says that RPO-LAG was not judged.
 */
final class ReplicationLags {
    private ReplicationLags() {}

    static ReplicationLag read(Path stateDir, Estate estate, String provider, java.io.PrintWriter err) {
        java.util.Set<String> machines = new java.util.LinkedHashSet<>();
        for (RecoveryPlan p : estate.recoveryPlans()) if (p.rpo() != null) machines.addAll(p.machineNames());
        if (machines.isEmpty()) return null;
        // A simulated estate never made (no state folder yet) replicates nothing: there is no recovery point to be late.
        if (siteplan.providers.Providers.realTargets(estate).isEmpty() && !java.nio.file.Files.isDirectory(stateDir)) return null;
        // Read only: a plan or report must leave the state folder as it found it (the simulated estate would save its clock).
        try (siteplan.executor.provider.Operations ops = PlanningInputs.readOnlyOperations(stateDir, estate)) {
            Map<String, Duration> ages = new LinkedHashMap<>();
            for (String m : machines) {
                try {
                    ops.recovery().replicationLag(m).ifPresent(d -> ages.put(m, d));
                } catch (siteplan.executor.provider.OperationFailed notProtected) {
                    // A machine not protected yet has no recovery point to be late: its protection is a change of the plan.
                }
            }
            return new ReplicationLag("reported now by the " + provider, ages);
        } catch (RuntimeException e) {
            err.println("Warning: the recovery-point age of the recovery plans' machines (RPO-LAG) is not judged in this plan: " + e.getMessage());
            err.flush();
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
