// graphology_check.js - Gephi Lite's parsers read newsgraph's GraphML / GEXF completely.
//
// usage: node graphology_check.js graphml|gexf FILE...
//
// Each file is parsed the way Gephi Lite does (graphology's default Graph; graphml with
// {addMissingNodes: true}, gexf with {allowUndeclaredAttributes: true, addMissingNodes: true}),
// and compared with an independent, strict DOM reading of the same file (@xmldom/xmldom, any
// parser warning is a failure): the same nodes and edges (ids, endpoints, direction), every
// declared attribute present with its declared type and value, GEXF kinds, weights, labels
// and viz colour and size, no attribute undeclared, GEXF attribute ids equal to their titles.
// Any console warning or error from the libraries is a failure too.
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const graphml = require('graphology-graphml');
const gexf = require('graphology-gexf');
const {DOMParser} = require('@xmldom/xmldom');

const problems = [];
const complain = msg => problems.push(msg);
for (const level of ['warn', 'error']) {
  const original = console[level];
  console[level] = (...args) => {
    complain(`console.${level}: ${args.join(' ')}`);
    original.apply(console, args);
  };
}

function strictDom(text, path) {
  const report = kind => msg => complain(`${path}: xmldom ${kind}: ${msg}`);
  const parser = new DOMParser({
    errorHandler: {warning: report('warning'), error: report('error'), fatalError: report('fatal')}
  });
  return parser.parseFromString(text, 'application/xml');
}

// Direct children of `el` named `name` (local name, any namespace prefix).
function children(el, name) {
  const out = [];
  if (!el) return out;
  for (let c = el.firstChild; c; c = c.nextSibling)
    if (c.nodeType === 1 && (c.localName || c.nodeName) === name) out.push(c);
  return out;
}
const child = (el, name) => children(el, name)[0];

const NUMERIC = new Set(['int', 'integer', 'long', 'float', 'double', 'short', 'byte']);
function typed(type, text, where) {
  if (NUMERIC.has(type)) {
    const v = Number(text);
    if (text.trim() === '' || Number.isNaN(v)) complain(`${where}: "${text}" is not a ${type}`);
    return v;
  }
  if (type === 'boolean') return text.toLowerCase() === 'true';
  if (type === 'string') return text;
  complain(`${where}: unexpected attribute type ${type}`);
  return text;
}

function compareAttributes(where, got, want, allowedExtra) {
  for (const [name, value] of Object.entries(want)) {
    if (!(name in got)) complain(`${where}: attribute ${name} missing`);
    else if (typeof got[name] !== typeof value)
      complain(`${where}: ${name} is a ${typeof got[name]}, expected a ${typeof value}`);
    else if (got[name] !== value)
      complain(`${where}: ${name} = ${JSON.stringify(got[name])}, file has ${JSON.stringify(value)}`);
  }
  for (const name of Object.keys(got))
    if (!(name in want) && !allowedExtra.includes(name))
      complain(`${where}: unexpected attribute ${name}`);
}

function checkGraphml(path, text) {
  const g = graphml.parse(Graph, text, {addMissingNodes: true});
  const doc = strictDom(text, path);
  const root = doc.documentElement;
  const keys = {};
  for (const k of children(root, 'key')) {
    const type = k.getAttribute('attr.type');
    if (!['int', 'long', 'float', 'double', 'string', 'boolean'].includes(type))
      complain(`${path}: key ${k.getAttribute('id')} has attr.type "${type}" (graphology crashes)`);
    if (!k.getAttribute('attr.name')) complain(`${path}: key ${k.getAttribute('id')} has no attr.name`);
    keys[k.getAttribute('id')] = {name: k.getAttribute('attr.name'), type};
  }
  const graph = child(root, 'graph');
  const nodes = children(graph, 'node');
  const edges = children(graph, 'edge');
  if (g.order !== nodes.length) complain(`${path}: ${g.order} nodes parsed, ${nodes.length} in the file`);
  if (g.size !== edges.length) complain(`${path}: ${g.size} edges parsed, ${edges.length} in the file`);
  const want = el => {
    const w = {};
    for (const d of children(el, 'data')) {
      const k = keys[d.getAttribute('key')];
      if (!k) { complain(`${path}: data for undeclared key ${d.getAttribute('key')}`); continue; }
      w[k.name] = typed(k.type, d.textContent, `${path}: ${k.name}`);
    }
    return w;
  };
  for (const n of nodes) {
    const id = n.getAttribute('id');
    if (!g.hasNode(id)) { complain(`${path}: node ${id} missing`); continue; }
    const w = want(n);
    if (!('label' in w) || !('type' in w)) complain(`${path}: node ${id} has no label or type`);
    compareAttributes(`${path}: node ${id}`, g.getNodeAttributes(id), w, []);
  }
  for (const e of edges) {
    const id = e.getAttribute('id');
    if (!g.hasEdge(id)) { complain(`${path}: edge ${id} missing`); continue; }
    if (g.source(id) !== e.getAttribute('source') || g.target(id) !== e.getAttribute('target'))
      complain(`${path}: edge ${id} endpoints differ`);
    const w = want(e);
    if (!('relation' in w) || !('weight' in w)) complain(`${path}: edge ${id} has no relation or weight`);
    compareAttributes(`${path}: edge ${id}`, g.getEdgeAttributes(id), w, []);
  }
}

function checkGexf(path, text) {
  const g = gexf.parse(Graph, text, {allowUndeclaredAttributes: true, addMissingNodes: true});
  const doc = strictDom(text, path);
  const graph = child(doc.documentElement, 'graph');
  const models = {node: null, edge: null};
  for (const block of children(graph, 'attributes')) {
    const cls = block.getAttribute('class');
    if (models[cls]) complain(`${path}: more than one <attributes class="${cls}"> (graphology keeps the last)`);
    models[cls] = {};
    for (const a of children(block, 'attribute')) {
      const id = a.getAttribute('id');
      if (id !== a.getAttribute('title')) complain(`${path}: attribute id "${id}" != title "${a.getAttribute('title')}"`);
      if (!/^[a-z0-9_]+$/.test(id)) complain(`${path}: attribute id "${id}" is not [a-z0-9_]`);
      models[cls][id] = a.getAttribute('type');
    }
  }
  const nodes = children(child(graph, 'nodes'), 'node');
  const edges = children(child(graph, 'edges'), 'edge');
  if (g.order !== nodes.length) complain(`${path}: ${g.order} nodes parsed, ${nodes.length} in the file`);
  if (g.size !== edges.length) complain(`${path}: ${g.size} edges parsed, ${edges.length} in the file`);
  const want = (el, cls) => {
    const w = {};
    for (const v of children(child(el, 'attvalues'), 'attvalue')) {
      const id = v.getAttribute('for');
      const type = (models[cls] || {})[id];
      if (!type) { complain(`${path}: ${cls} attvalue for undeclared "${id}"`); continue; }
      w[id] = typed(type, v.getAttribute('value'), `${path}: ${id}`);
    }
    return w;
  };
  for (const n of nodes) {
    const id = n.getAttribute('id');
    if (!g.hasNode(id)) { complain(`${path}: node ${id} missing`); continue; }
    const w = want(n, 'node');
    w.label = n.getAttribute('label');
    const color = child(n, 'color');
    if (!color) complain(`${path}: node ${id} has no viz:color`);
    else {
      for (const c of ['r', 'g', 'b'])
        if (!/^[0-9]+$/.test(color.getAttribute(c)) || +color.getAttribute(c) > 255)
          complain(`${path}: node ${id} viz:color ${c}="${color.getAttribute(c)}" (Gephi needs 0-255 integers)`);
      w.color = `rgb(${color.getAttribute('r')},${color.getAttribute('g')},${color.getAttribute('b')})`;
    }
    const size = child(n, 'size');
    if (!size) complain(`${path}: node ${id} has no viz:size`);
    else w.size = +size.getAttribute('value');
    compareAttributes(`${path}: node ${id}`, g.getNodeAttributes(id), w, []);
  }
  for (const e of edges) {
    const id = e.getAttribute('id');
    if (!g.hasEdge(id)) { complain(`${path}: edge ${id} missing`); continue; }
    const undirected = e.getAttribute('type') === 'undirected';
    if (g.isUndirected(id) !== undirected) complain(`${path}: edge ${id} direction differs`);
    const ends = [g.source(id), g.target(id)];
    const fileEnds = [e.getAttribute('source'), e.getAttribute('target')];
    if (undirected ? ends.slice().sort().join('\n') !== fileEnds.slice().sort().join('\n')
                   : ends.join('\n') !== fileEnds.join('\n'))
      complain(`${path}: edge ${id} endpoints differ`);
    const w = want(e, 'edge');
    w.kind = e.getAttribute('kind');
    w.label = e.getAttribute('label');
    w.weight = +e.getAttribute('weight');
    if (!w.kind || w.kind !== w.relation) complain(`${path}: edge ${id} kind "${w.kind}" is not its relation`);
    if (!(w.weight > 0)) complain(`${path}: edge ${id} weight ${w.weight} (Gephi drops 0)`);
    compareAttributes(`${path}: edge ${id}`, g.getEdgeAttributes(id), w, []);
  }
}

const [kind, ...files] = process.argv.slice(2);
if (!['graphml', 'gexf'].includes(kind) || files.length === 0) {
  console.log('usage: node graphology_check.js graphml|gexf FILE...');
  process.exit(2);
}
let status = 0;
for (const path of files) {
  const before = problems.length;
  try {
    const text = fs.readFileSync(path, 'utf8');
    (kind === 'graphml' ? checkGraphml : checkGexf)(path, text);
  } catch (err) {
    complain(`${path}: ${err && err.stack ? err.stack : err}`);
  }
  if (problems.length > before) {
    status = 1;
    for (const p of problems.slice(before, before + 20)) process.stderr.write(p + '\n');
  } else {
    console.log(`ok graphology-${kind} ${path}`);
  }
}
process.exit(status);
