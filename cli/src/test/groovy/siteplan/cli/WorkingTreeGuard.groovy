package siteplan.cli

import java.util.concurrent.TimeUnit
import org.spockframework.runtime.extension.IGlobalExtension
import org.spockframework.runtime.extension.IMethodInterceptor
import org.spockframework.runtime.extension.IMethodInvocation
import org.spockframework.runtime.model.SpecInfo

/**
 * Specs work on copies: a spec that leaves the checkout different from how it found it (a plan
 * recorded in an example's history, a state.json rewritten, a file beside the examples) fails, naming
 * the paths. Compared per spec, before and after, by `git status` (see {@link #touchable}), ignored
 * files included: history, caches and locks are ignored by git, not harmless.
 */
class WorkingTreeGuard implements IGlobalExtension {
    @Override void visitSpec(SpecInfo spec) {
        spec.addInterceptor(new IMethodInterceptor() {
            @Override void intercept(IMethodInvocation invocation) {
                List<String> before = status()
                invocation.proceed()
                List<String> after = status()
                if (before != null && after != null && before != after) {
                    List<String> changed = (after - before) + (before - after).collect { it + ' (before)' }
                    throw new AssertionError("${spec.name} changed the working tree; specs must work on copies (see ExecutorSpecification.estate):\n  "
                            + changed.join('\n  '))
                }
            }
        })
    }

    /** The checkout's status where a spec could write, ignored files included; null outside a git checkout. */
    static List<String> status() {
        Process p
        try {
            p = new ProcessBuilder('git', 'status', '--porcelain', '--ignored=traditional', '-uall', '--', ':(top)')
                    .redirectErrorStream(true).start()
        } catch (IOException e) {
            return null
        }
        String text = p.inputStream.text
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) return null
        text.readLines().findAll { touchable(it) }.sort()
    }

    /**
     * What a spec could have written: an ignored file anywhere but build output (a history, a cache, a
     * lock), and anything in examples/ or at the top of the checkout. Not the rest of the tracked
     * sources: those are the developer's to edit while the specs run.
     */
    static boolean touchable(String line) {
        String path = line.substring(3)
        if ((path.split('/') as List).contains('target')) return false
        line.startsWith('!!') || path.startsWith('examples/') || !path.contains('/')
    }
}
