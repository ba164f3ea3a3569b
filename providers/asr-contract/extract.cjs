// Turns an AutoRest-generated Azure management SDK for JavaScript (an npm package no one in this
// project wrote) into the contract the Azure peer checks every request and response against:
// every operation's method, path, api-version, request and response models, and whether it is a
// long-running operation (and how its final state is reached); every model's serialized property
// names, types, required and read-only flags; every polymorphic discriminator value.
//
// The SDK's ESM sources are plain object literals (mappers.js, parameters.js, one file per
// operation group). They are evaluated here in a vm context with their import/export lines
// rewritten, never with the SDK's runtime, so no other package is needed.
//
// usage: node extract.cjs PACKAGE_DIR > contract.json
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const pkgDir = process.argv[2];
if (!pkgDir) { console.error('usage: node extract.cjs PACKAGE_DIR'); process.exit(2); }
const src = path.join(pkgDir, 'dist-esm', 'src');
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));

function asModule(text, context) {
  // export const X = …  →  const X = exports.X = …   (keeps the local binding other mappers use)
  const body = text
    .replace(/^import [^;]*;$/gm, '')
    .replace(/^export (const|let) ([\w$]+) =/gm, '$1 $2 = exports.$2 =');
  const exports = {};
  vm.runInNewContext(body, Object.assign({ exports }, context), { filename: 'module.js' });
  return exports;
}

const Mappers = asModule(fs.readFileSync(path.join(src, 'models', 'mappers.js'), 'utf8'), {});
// parameters.js imports mappers under other names: { A as AMapper, … } becomes a destructuring.
let paramsText = fs.readFileSync(path.join(src, 'models', 'parameters.js'), 'utf8');
paramsText = paramsText.replace(/^import \{([^}]*)\} from "..\/models\/mappers";$/m,
  (_, names) => 'const {' + names.replace(/(\w+) as (\w+)/g, '$1: $2') + '} = Mappers;');
const Parameters = asModule(paramsText, { Mappers });

function type(t) {
  if (!t) return { name: 'any' };
  const out = { name: t.name };
  if (t.className) out.className = t.className;
  if (t.allowedValues) out.allowedValues = t.allowedValues;
  if (t.element) out.element = prop(t.element);
  if (t.value) out.value = prop(t.value);
  return out;
}

function prop(p) {
  const out = { type: type(p.type) };
  if (p.serializedName) out.serializedName = p.serializedName;
  if (p.required) out.required = true;
  if (p.readOnly) out.readOnly = true;
  if (p.isConstant) out.constant = p.defaultValue;
  if (p.constraints) out.constraints = p.constraints;
  return out;
}

const models = {};
for (const [name, m] of Object.entries(Mappers)) {
  if (name === 'discriminators' || !m || !m.type || m.type.name !== 'Composite') continue;
  const t = m.type;
  const model = { properties: {} };
  for (const p of Object.values(t.modelProperties || {})) {
    model.properties[p.serializedName] = prop(p);
  }
  if (t.uberParent) {
    model.uberParent = t.uberParent;
    model.discriminatorProperty = t.polymorphicDiscriminator.serializedName;
    // A subtype's serializedName is its discriminator value; the base's is its own name or absent.
    if (m.serializedName && t.className !== t.uberParent) model.discriminatorValue = m.serializedName;
  }
  if (t.additionalProperties) model.additionalProperties = true;
  models[t.className] = model;
}

const discriminators = {};
for (const [key, m] of Object.entries(Mappers.discriminators || {})) {
  discriminators[key] = m.type.className;
}

const operations = [];
const opsDir = path.join(src, 'operations');
for (const file of fs.readdirSync(opsDir).filter(f => f.endsWith('.js') && f !== 'index.js').sort()) {
  const text = fs.readFileSync(path.join(opsDir, file), 'utf8');
  const group = (text.match(/export class (\w+)Impl/) || [])[1];
  if (!group) continue;
  // Long-running operations: each begin… method builds createLroSpec({…, spec: xOperationSpec}) and
  // then createHttpPoller(lro, {…, resourceLocationConfig?}).
  const lro = {};
  const re = /spec: (\w+)OperationSpec[\s\S]*?createHttpPoller\(lro, \{([\s\S]*?)\}\)/g;
  let m;
  while ((m = re.exec(text))) {
    const cfg = (m[2].match(/resourceLocationConfig: "([\w-]+)"/) || [])[1] || null;
    lro[m[1]] = cfg;
  }
  const specRe = /^const (\w+)OperationSpec = (\{[\s\S]*?^\});$/gm;
  while ((m = specRe.exec(text))) {
    const spec = vm.runInNewContext('(' + m[2] + ')', { Mappers, Parameters, serializer: {} });
    const name = m[1];
    const responses = {};
    for (const [code, r] of Object.entries(spec.responses)) {
      responses[code] = r.bodyMapper ? (r.bodyMapper.type.className || r.bodyMapper.type.name) : null;
    }
    const q = (spec.queryParameters || []).map(p => p.mapper.serializedName);
    const apiVersion = (spec.queryParameters || []).find(p => p.mapper.serializedName === 'api-version');
    operations.push({
      id: group + '_' + name.charAt(0).toUpperCase() + name.slice(1),
      method: spec.httpMethod,
      path: spec.path,
      apiVersion: apiVersion ? apiVersion.mapper.defaultValue : null,
      query: q,
      request: spec.requestBody ? {
        model: spec.requestBody.mapper.type.className || spec.requestBody.mapper.type.name,
        required: !!spec.requestBody.mapper.required,
      } : null,
      responses,
      longRunning: Object.prototype.hasOwnProperty.call(lro, name),
      finalStateVia: lro[name] || null,
    });
  }
}

process.stdout.write(JSON.stringify({
  source: pkg.name + '@' + pkg.version,
  generatedFrom: 'dist-esm/src/models/mappers.js, dist-esm/src/models/parameters.js, dist-esm/src/operations/*.js',
  operations, models, discriminators,
}, null, 1) + '\n');
