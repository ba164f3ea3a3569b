package siteplan.dsl;

import java.util.List;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.MethodCall;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.transform.stc.AbstractTypeCheckingExtension;
import org.codehaus.groovy.transform.stc.StaticTypeCheckingVisitor;

/**
 * Definitions are compiled statically where the types say what a word is (the DSL's @DelegatesTo
 * blocks), and dynamically everywhere else: whatever static type checking cannot resolve (a typo, a
 * binding variable, a map's value) becomes an ordinary dynamic Groovy call, so every message stays
 * the one the dynamic DSL gives.
 */
public class DynamicFallback extends AbstractTypeCheckingExtension {
    public DynamicFallback(StaticTypeCheckingVisitor visitor) {
        super(visitor);
    }

    @Override public boolean handleUnresolvedVariableExpression(VariableExpression vexp) {
        makeDynamic(vexp);
        return true;
    }

    @Override public boolean handleUnresolvedProperty(PropertyExpression pexp) {
        makeDynamic(pexp);
        return true;
    }

    @Override public boolean handleUnresolvedAttribute(AttributeExpression aexp) {
        makeDynamic(aexp);
        return true;
    }

    @Override public List<MethodNode> handleMissingMethod(ClassNode receiver, String name, ArgumentListExpression args, ClassNode[] argTypes, MethodCall call) {
        return List.of(makeDynamic(call));
    }
}
