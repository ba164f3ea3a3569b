package siteplan.cli;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import siteplan.executor.drill.RecoveryRunner;

/**
 * Asks a person on the terminal to carry out a manual step. The terminal is read on a daemon thread, so
 * Ctrl-C ({@link #cancel}) ends the question at once with "stop" instead of waiting for the next Enter.
 */
final class ManualStepPrompter implements RecoveryRunner.Prompter {
    private final PrintWriter out;
    private final java.io.Console console;
    private final CountDownLatch cancelled = new CountDownLatch(1);

    private ManualStepPrompter(PrintWriter out, java.io.Console console) {
        this.out = out;
        this.console = console;
    }

    /** A prompter when there is a terminal to ask on, else null (the runner then needs --ack). */
    static ManualStepPrompter onTerminal(PrintWriter out) {
        java.io.Console console = System.console();
        return console == null || !Siteplan.terminal ? null : new ManualStepPrompter(out, console);
    }

    @Override public boolean confirm(String instruction) {
        return ask("%n  Manual step: %s%n  Type 'done' when it is done, or 'stop' to stop: ", instruction, "done");
    }

    /** A group's check failed in a failover: the operator says whether the later groups fail over. */
    @Override public boolean goOn(String question) {
        return ask("%n  %s%n  Type 'go on' to fail them over, or 'stop' to stop here: ", question, "go on");
    }

    /** True when the answer is {@code yes}; false on any other answer, end of input or Ctrl-C. */
    private boolean ask(String format, String text, String yes) {
        out.flush();
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread reader = new Thread(() -> answer.complete(console.readLine(format, text)), "siteplan-manual-step");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            try {
                String a = answer.get(100, TimeUnit.MILLISECONDS);
                return a != null && a.trim().equalsIgnoreCase(yes);
            } catch (TimeoutException e) {
                if (cancelled.getCount() == 0) {
                    out.println();
                    out.flush();
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                return false;
            }
        }
    }

    /** Ctrl-C: the question being asked, if any, is answered "stop". */
    void cancel() {
        cancelled.countDown();
    }
}
