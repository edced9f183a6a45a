// cytoscape_check.js - headless Cytoscape.js loads newsgraph's JSON elements completely.
//
// usage: node cytoscape_check.js FILE.json...
//
// The file must be strict JSON, a cy.json() document ({"data": {...}, "elements": {"nodes":
// [...], "edges": [...]}}); cytoscape, given `elements: doc.elements` and given cy.json(doc),
// must create every node and edge (ids unique across both, endpoints existing) with every
// data field unchanged, and print no warning.
'use strict';
const fs = require('fs');
const cytoscape = require('cytoscape');

const problems = [];
const complain = msg => problems.push(msg);
for (const level of ['warn', 'error']) {
  const original = console[level];
  console[level] = (...args) => {
    complain(`console.${level}: ${args.join(' ')}`);
    original.apply(console, args);
  };
}

function check(path) {
  const json = JSON.parse(fs.readFileSync(path, 'utf8'));
  const els = json.elements;
  if (!els || !Array.isArray(els.nodes) || !Array.isArray(els.edges)) {
    complain(`${path}: no elements.nodes / elements.edges arrays`);
    return;
  }
  const ids = new Set();
  for (const el of [...els.nodes, ...els.edges]) {
    if (typeof el.data.id !== 'string' || el.data.id === '') complain(`${path}: element without id`);
    if (ids.has(el.data.id)) complain(`${path}: id ${el.data.id} used twice (one namespace in cytoscape)`);
    ids.add(el.data.id);
  }
  const cy = cytoscape({headless: true, styleEnabled: false, elements: els});
  if (cy.nodes().length !== els.nodes.length)
    complain(`${path}: cytoscape made ${cy.nodes().length} nodes of ${els.nodes.length}`);
  if (cy.edges().length !== els.edges.length)
    complain(`${path}: cytoscape made ${cy.edges().length} edges of ${els.edges.length}`);
  for (const el of [...els.nodes, ...els.edges]) {
    const got = cy.getElementById(el.data.id);
    if (got.empty()) { complain(`${path}: element ${el.data.id} missing`); continue; }
    const data = got.data();
    for (const [k, v] of Object.entries(el.data))
      if (JSON.stringify(data[k]) !== JSON.stringify(v))
        complain(`${path}: ${el.data.id}.${k} = ${JSON.stringify(data[k])}, file has ${JSON.stringify(v)}`);
  }
  for (const e of els.edges) {
    const edge = cy.getElementById(e.data.id);
    if (edge.nonempty() && (edge.source().id() !== e.data.source || edge.target().id() !== e.data.target))
      complain(`${path}: edge ${e.data.id} endpoints differ`);
    if (typeof e.data.relation !== 'string' || typeof e.data.directed !== 'boolean')
      complain(`${path}: edge ${e.data.id} lacks relation or directed`);
  }
  for (const n of els.nodes)
    if (typeof n.data.label !== 'string' || typeof n.data.mentions !== 'number')
      complain(`${path}: node ${n.data.id} lacks label or mentions`);
  // The whole file is a cy.json() document, as the README says: cy.json(doc) restores it.
  const cy2 = cytoscape({headless: true, styleEnabled: false});
  cy2.json(json);
  if (cy2.nodes().length !== els.nodes.length || cy2.edges().length !== els.edges.length)
    complain(`${path}: cy.json(doc) made ${cy2.nodes().length} nodes and ${cy2.edges().length} edges`);
  if (JSON.stringify(cy2.data()) !== JSON.stringify(json.data))
    complain(`${path}: cy.json(doc) lost the graph's data: ${JSON.stringify(cy2.data())}`);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.log('usage: node cytoscape_check.js FILE.json...');
  process.exit(2);
}
let status = 0;
for (const path of files) {
  const before = problems.length;
  try {
    check(path);
  } catch (err) {
    complain(`${path}: ${err && err.stack ? err.stack : err}`);
  }
  if (problems.length > before) {
    status = 1;
    for (const p of problems.slice(before, before + 20)) process.stderr.write(p + '\n');
  } else {
    console.log(`ok cytoscape ${path}`);
  }
}
process.exit(status);
