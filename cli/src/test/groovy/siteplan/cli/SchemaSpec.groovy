package siteplan.cli

import com.fasterxml.jackson.databind.JsonNode
import siteplan.model.json.ModelJson
import siteplan.dsl.schema.SchemaGenerator

/** schemas/estate.schema.json is the model's contract: current, described, and closed. */
class SchemaSpec extends CliSpecification {

    def "the committed schema is the one the model generates (regenerate: ./siteplan schema > schemas/estate.schema.json)"() {
        expect:
        siteplan('schema') == ExitCode.OK
        out == new File('schemas/estate.schema.json').text
    }

    def "every object forbids unknown properties and every property has a description"() {
        given:
        JsonNode schema = SchemaGenerator.estateSchema()
        List<JsonNode> objects = [schema] + schema.get('$defs').findAll { it.get('type')?.asText() == 'object' }

        expect:
        objects.every { it.get('additionalProperties')?.asBoolean() == false }
        objects.every { o -> o.get('properties').fields().every { it.value.hasNonNull('description') } }
        objects.every { it.hasNonNull('description') }
    }

    def "the schema is JSON Schema 2020-12"() {
        expect:
        ModelJson.JSON.readTree(new File('schemas/estate.schema.json')).get('$schema').asText() == 'https://json-schema.org/draft/2020-12/schema'
    }
}
