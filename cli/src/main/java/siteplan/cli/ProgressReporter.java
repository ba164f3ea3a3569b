package siteplan.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import siteplan.executor.apply.ApplyListener;
import siteplan.executor.provider.Step;
import siteplan.executor.provider.StepResult;

/**
 * How a run reports progress: on a terminal, a progress bar with ETA (me.tongfei:progressbar) above
 * one line per finished step; elsewhere (CI, a pipe) plain lines, one per event, nothing overwritten.
 * Durations are in the provider's time (the modelled clock in the simulated estate) and say so.
 */
final class ProgressReporter implements ApplyListener {
    private final PrintWriter out;
    private final boolean bar;
    private final String clockNote;
    private final AtomicInteger done = new AtomicInteger();
    private int total;
    private ProgressBar progress;

    ProgressReporter(PrintWriter out, boolean terminal, boolean simulated) {
        this.out = out;
        this.bar = terminal && System.getenv("CI") == null;
        this.clockNote = simulated ? " simulated" : "";
    }

    @Override public synchronized void begin(int total) {
        this.total = total;
        if (bar && total > 0) {
            progress = new ProgressBarBuilder().setTaskName("apply").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).build();
        }
    }

    /** On a terminal the bar is redrawn on its own line; a step's line first clears whatever the bar left there. */
    private String count() {
        return (progress != null ? "\r\033[2K" : "") + "[" + String.format("%" + String.valueOf(total).length() + "d", done.get()) + "/" + total + "]";
    }

    @Override public synchronized void started(Step step) {
        if (!bar) out.println(count() + " " + step.action().symbol() + " " + step.address() + ": started");
        out.flush();
    }

    @Override public synchronized void retrying(Step step, int attempt, String fault) {
        out.println(count() + "   " + step.address() + ": " + fault + " — retrying (attempt " + attempt + ")");
        out.flush();
    }

    @Override public synchronized void finished(Step step, StepResult result, Duration took) {
        done.incrementAndGet();
        if (progress != null) progress.step();
        out.println(count() + " " + step.action().symbol() + " " + step.address() + ": " + (result.outcome() == StepResult.Outcome.ALREADY ? "already so" : "done")
                + (result.jobId() != null ? " in " + siteplan.executor.Times.human(took) + clockNote : "")
                + (result.detail() == null ? "" : " — " + result.detail()));
        out.flush();
    }

    @Override public synchronized void failed(Step step, String message) {
        done.incrementAndGet();
        if (progress != null) progress.step();
        out.println(count() + " ! " + step.address() + ": FAILED — " + message);
        out.flush();
    }

    @Override public synchronized void skipped(Step step, String because) {
        done.incrementAndGet();
        if (progress != null) progress.step();
        out.println(count() + "   " + step.address() + ": " + because);
        out.flush();
    }

    @Override public synchronized void end() {
        if (progress != null) progress.close();
    }
}
