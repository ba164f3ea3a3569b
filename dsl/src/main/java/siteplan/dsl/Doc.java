package siteplan.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the DSL reference (docs/dsl.md) says about a word or a block where the estate schema cannot say
 * it: a word that sets no field of the model (include, manual, tcp), a word named differently from the
 * field it sets, or a form its signature does not show. Words that set a field of the same name need
 * none: the field's description in the model is their documentation, in one place.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Doc {
    /** What the word means, or what the block is; empty to take the field's description from the schema. */
    String value() default "";

    /** How the word is written, one form each, when its slot's example does not show it. */
    String[] example() default {};

    /** The model field the word sets, when it is not named like the word (every → interval). */
    String field() default "";
}
