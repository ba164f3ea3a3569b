package siteplan.cli

import java.util.concurrent.TimeUnit
import org.spockframework.runtime.extension.IGlobalExtension
import org.spockframework.runtime.extension.IMethodInterceptor
import org.spockframework.runtime.extension.IMethodInvocation
import org.spockframework.runtime.model.SpecInfo

/**
 * Specs work on copies: a spec that leaves the checkout different from how it found it (a plan
 * recorded in an example's history, a state.json rewritten, a file beside the examples) fails, naming
 * the paths. Compared per spec, before and after, by `git status` of everything but build output
 * (target/), ignored files included: history, caches and locks are ignored by git, not harmless.
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

    /** The checkout's status outside target/, ignored files included; null outside a git checkout. */
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
        text.readLines().findAll { !(it.substring(3).split('/') as List).contains('target') }.sort()
    }
}
