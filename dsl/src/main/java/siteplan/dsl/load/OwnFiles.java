package siteplan.dsl.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import siteplan.model.Estate;

/**
 * Files siteplan itself writes that a user may well keep in a definition folder: a plan saved with
 * {@code plan -out} (a top-level object whose first key is format_version, as every saved plan begins)
 * and an estate written by {@code export} (whose $schema is the estate schema's). A folder's loader
 * and its digest both go by {@link #isSavedPlan}, so saving a plan into the folder changes neither the
 * definition nor the digest the plan was made with.
 */
public final class OwnFiles {
    private OwnFiles() {}

    /** A saved plan: a .json file whose top-level object starts with the key format_version. Read up to that key only. */
    public static boolean isSavedPlan(Path f) {
        if (!f.getFileName().toString().endsWith(".json") || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) return false;
        try (JsonParser p = siteplan.model.json.ModelJson.JSON.getFactory().createParser(f.toFile())) {
            return p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME && "format_version".equals(p.currentName());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * True when {@code export} declares nothing the rest of the definition does not: every item of
     * every list in it is, field for field, one the other files declare. Such a file is a copy of the
     * definition and is skipped; anything more and it is a definition like any other (a hand-written
     * file may well carry the $schema line too), and skipping it could make a plan propose deletions.
     */
    public static boolean addsNothing(Estate export, Estate rest) {
        return within(export.azure(), rest.azure()) && within(export.vmwareSites(), rest.vmwareSites()) && within(export.vmmSites(), rest.vmmSites())
                && within(export.machines(), rest.machines()) && within(export.replicationPolicies(), rest.replicationPolicies())
                && within(export.hyperVPolicies(), rest.hyperVPolicies()) && within(export.networkMappings(), rest.networkMappings())
                && within(export.storageMappings(), rest.storageMappings()) && within(export.protectionGroups(), rest.protectionGroups())
                && within(export.recoveryPlans(), rest.recoveryPlans())
                && (export.objectives() == null || export.objectives().equals(rest.objectives()));
    }

    private static boolean within(List<?> part, List<?> whole) {
        return new java.util.HashSet<>(whole).containsAll(part);
    }
}
