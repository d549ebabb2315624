// Lint Cypher with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support).
//
// stdin, JSON:
//   { "schema": { "labels": [...], "relationshipTypes": [...], "propertyKeys": [...],
//                 "graphSchema": [{ "from": "Paper", "to": "Method", "relType": "USES" }] },
//     "statements": [{ "name": "leaderboard", "cypher": "MATCH ...", "parameters": { "limit": 10 } }],
//     "versions": ["CYPHER 5", "CYPHER 25"] }
// stdout, JSON: one entry per diagnostic,
//   [{ "name", "version", "severity": "error" | "warning" | "information" | "hint",
//      "message", "line", "column", "text", "before" }]
//
// Functions and procedures are Neo4j's built-ins only (from the package's bundled server
// dump, flagged isBuiltIn), so a Kuzu/LadybugDB-only function or an APOC call is an error.
// Usage: node lint.mjs < statements.json

import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const PLUGINS = /^(apoc|gds)\./;

function builtIns(registry, keep) {
  const out = {};
  for (const [version, entries] of Object.entries(registry ?? {})) {
    out[version] = Object.fromEntries(Object.entries(entries).filter(([name, e]) => keep(name, e)));
  }
  return out;
}

const FUNCTIONS = builtIns(testData.mockSchema.functions, (name, f) => f.isBuiltIn && !PLUGINS.test(name));
const PROCEDURES = builtIns(testData.mockSchema.procedures, (name) => !PLUGINS.test(name));

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function lintOne(statement, schema, version) {
  const dbSchema = {
    labels: schema.labels ?? [],
    relationshipTypes: schema.relationshipTypes ?? [],
    propertyKeys: schema.propertyKeys ?? [],
    graphSchema: schema.graphSchema,
    parameters: statement.parameters ?? {},
    functions: FUNCTIONS,
    procedures: PROCEDURES,
    defaultLanguage: version,
  };
  const { diagnostics } = lintCypherQuery(statement.cypher, dbSchema);
  return diagnostics.map((d) => ({
    name: statement.name,
    version,
    severity: SEVERITY[d.severity] ?? String(d.severity),
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    text: statement.cypher.slice(d.offsets.start, d.offsets.end),
    // what precedes the flagged text, e.g. "row." before a map key the linter took for a property
    before: statement.cypher.slice(Math.max(0, d.offsets.start - 4), d.offsets.start),
  }));
}

const input = await readStdin();
const versions = input.versions ?? ['CYPHER 5', 'CYPHER 25'];
const found = [];
for (const statement of input.statements) {
  for (const version of versions) found.push(...lintOne(statement, input.schema ?? {}, version));
}
process.stdout.write(JSON.stringify(found, null, 2) + '\n');
