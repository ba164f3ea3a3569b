package siteplan.cli

import com.fasterxml.jackson.databind.JsonNode
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The install step of the CI examples, read out of the yml and run as written: bash runs the step's shell lines in a
 * folder of the caller's with the variables a runner gives them, and the job's later lines run with the PATH the step left.
 */
final class CiInstall {
    private CiInstall() {}

    static final String GITHUB_STEP = 'Install siteplan'

    /** GitHub Actions: the shell lines of the job's step named "Install siteplan…". */
    static String github(JsonNode workflow, String job) {
        def step = workflow.get('jobs').get(job).get('steps').find { it.has('name') && it.get('name').asText().startsWith(GITHUB_STEP) }
        // (JsonNode has an asBoolean() of its own: Groovy truth would read a node as a boolean value, so != null is written out.)
        assert step != null: "job ${job} has no step named '${GITHUB_STEP}…'"
        step.get('run').asText()
    }

    /** GitLab CI: the job's before_script, or that of the template it extends. */
    static String gitlab(JsonNode ci, String job) {
        JsonNode j = ci.get(job)
        JsonNode lines = j.has('before_script') ? j.get('before_script') : j.has('extends') ? ci.get(j.get('extends').asText())?.get('before_script') : null
        assert lines != null: "job ${job} has no before_script of its own or of a template it extends"
        lines*.asText().join('\n')
    }

    /** What the step did: its exit code and output, and the PATH the job's later lines run with. */
    static final class Result {
        int exit
        String output
        String path

        /** A line of the job run as the CI system runs it (bash, in {@code dir}, with the PATH the step left); [exit:, output:]. */
        Map run(String line, Path dir, Map<String, String> env) {
            bash(line, dir, env + [PATH: path])
        }
    }

    /**
     * Runs the step's {@code lines} with `bash -e -o pipefail` in {@code dir} (GitLab stops at a script's first failing line;
     * GitHub's bash steps run with -e), with {@code env} plus HOME, RUNNER_TEMP and GITHUB_PATH inside {@code dir}. The PATH
     * the job's later lines see is the one the lines exported, behind what they appended to GITHUB_PATH, as both systems do.
     */
    static Result run(String lines, Path dir, Map<String, String> env) {
        Path runner = Files.createDirectories(dir.resolve('.runner'))
        Path githubPath = runner.resolve('github-path')
        Path after = runner.resolve('path-after')
        Files.writeString(githubPath, '')
        Map<String, String> vars = env + [HOME: Files.createDirectories(runner.resolve('home')).toString(),
                                          RUNNER_TEMP: Files.createDirectories(runner.resolve('temp')).toString(), GITHUB_PATH: githubPath.toString()]
        Map r = bash(lines + "\nprintf %s \"\$PATH\" > '${after}'\n", dir, vars)
        String exported = Files.exists(after) ? Files.readString(after) : vars.PATH
        List<String> added = Files.readAllLines(githubPath).findAll { it }.reverse()
        new Result(exit: r.exit as int, output: r.output as String, path: (added + [exported]).join(':'))
    }

    static Map bash(String script, Path dir, Map<String, String> env) {
        def pb = new ProcessBuilder('bash', '-e', '-o', 'pipefail', '-c', script).directory(dir.toFile()).redirectErrorStream(true)
        pb.environment().clear()
        pb.environment().putAll(env)
        Process p = pb.start()
        String output = p.inputStream.text
        assert p.waitFor(120, TimeUnit.SECONDS): "did not finish within 120 s: ${script}"
        [exit: p.exitValue(), output: output]
    }
}
