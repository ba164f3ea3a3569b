package siteplan.dsl.isolation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import siteplan.dsl.DslResult;
import siteplan.dsl.GroovyLoader;
import siteplan.model.json.ModelJson;

/**
 * The evaluator process: evaluates the Groovy files of one definition folder and writes the model to
 * standard output in Smile (Jackson's binary JSON). It is started by {@link IsolatedEvaluator} with an
 * empty environment, bounded memory and time, and (where the machine allows) in namespaces that see
 * only the JDK, siteplan's classes and the definition folder. Nothing else leaves it: a definition's
 * println goes to standard error.
 *
 * <p>Arguments: the definition folder, then the files.
 */
public final class EvaluatorMain {
    private EvaluatorMain() {}

    static final ObjectMapper SMILE = ModelJson.withModule(new com.fasterxml.jackson.dataformat.smile.databind.SmileMapper());

    public static void main(String[] args) {
        PrintStream protocol = System.out;
        System.setOut(System.err); // standard output carries the model and nothing else
        int code;
        try {
            Path root = Path.of(args[0]);
            List<Path> files = new ArrayList<>();
            for (int i = 1; i < args.length; i++) files.add(Path.of(args[i]));
            DslResult r = new GroovyLoader(root).load(files);
            OutputStream out = new java.io.BufferedOutputStream(protocol, 1 << 16);
            SMILE.writeValue(out, new Evaluated(r.estate(), r.sources().entries(), r.problems(), r.complete()));
            out.flush();
            code = 0;
        } catch (StackOverflowError e) {
            System.err.println("siteplan-evaluator: too deeply nested to evaluate");
            code = 4;
        } catch (Throwable e) {
            System.err.println("siteplan-evaluator: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
            code = 2;
        }
        System.exit(code);
    }
}
