import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/**
 * The import arrows docs/architecture.md allows, checked on the source text: every static
 * `import … from`, `export … from`, `import x = require()`, dynamic `import()` and `require()`
 * in the product folders, `.svelte` script blocks included. Type-only imports count: a type
 * that climbs a layer ties the layers together just the same.
 */

/** The product folders, bottom to top. */
export const LAYERS = ['core', 'contract', 'db', 'hardware', 'office', 'server', 'hub', 'electron', 'renderer', 'bench', 'scripts'] as const;
export type Layer = (typeof LAYERS)[number];

export interface ImportArrow {
  /** The importing file, relative to the tree's root, with `/`. */
  file: string;
  /** The import as written. */
  specifier: string;
}

export interface Violation extends ImportArrow {
  /** Why the arrow is forbidden. */
  rule: string;
}

/** Node's own modules and packages that do I/O or belong to a framework a layer must not know. */
const IO_PACKAGES = ['better-sqlite3', 'node-hid', 'exceljs', 'electron', 'fastify', 'ws', 'pg', '@electric-sql/pglite'];
const isFrameworkPackage = (name: string) => name === 'fastify' || name.startsWith('@fastify/');
const isUiPackage = (name: string) => name === 'svelte' || name.startsWith('svelte/') || name === 'chart.js';

interface Rule {
  /** Product folders this layer may import (its own is always allowed). */
  folders: readonly string[];
  /** Whether it may import this package (a bare specifier or a Node built-in). */
  packageAllowed: (name: string, builtin: boolean) => boolean;
  /** What the rule is about, for the failure message. */
  why: string;
}

const RULES: Record<Layer, Rule> = {
  core: {
    folders: [],
    // Only pure libraries, named one by one: core also runs in the browser, so not even
    // node:crypto (the audit chain takes its hash function as an argument).
    packageAllowed: (name) => name === 'mrz',
    why: 'core/ is plain functions: no other folder, no Node module, no I/O or framework package',
  },
  contract: {
    folders: ['core'],
    packageAllowed: (name) => name === 'typebox' || name.startsWith('typebox/'),
    why: 'contract/ holds schemas and types: it imports core/ and TypeBox only',
  },
  db: {
    folders: ['core'],
    packageAllowed: (name) => !isFrameworkPackage(name) && !isUiPackage(name) && name !== 'electron',
    why: 'db/ imports core/ only, never a layer above it or a framework',
  },
  hardware: {
    folders: ['core'],
    packageAllowed: (name) => !isFrameworkPackage(name) && !isUiPackage(name) && name !== 'electron',
    why: 'hardware/ imports core/ only, never a layer above it or a framework',
  },
  office: {
    folders: ['core', 'contract', 'db', 'hardware'],
    packageAllowed: (name) => !isFrameworkPackage(name) && !isUiPackage(name) && name !== 'electron',
    why: 'the application layer wires core/, db/, hardware/ and contract/; it knows no HTTP, Electron or page',
  },
  server: {
    folders: ['core', 'contract', 'db', 'hardware', 'office'],
    packageAllowed: (name) => !isUiPackage(name) && name !== 'electron',
    why: 'server/ calls what lies below it; it never imports the hub, the shell or the pages',
  },
  hub: {
    folders: ['core', 'contract'],
    packageAllowed: (name) => !isUiPackage(name) && name !== 'electron' && name !== 'better-sqlite3',
    why: 'the hub is a separate service: core/ and contract/ only, never the office host or its SQLite',
  },
  electron: {
    folders: ['core', 'contract', 'db', 'hardware', 'office', 'server'],
    packageAllowed: (name) => !isUiPackage(name),
    why: 'electron/ starts the host and talks to pages through contract/shell-bridge.ts, never renderer/ internals',
  },
  renderer: {
    folders: ['core', 'contract'],
    packageAllowed: (name, builtin) => !builtin && !IO_PACKAGES.includes(name) && !isFrameworkPackage(name),
    why: 'renderer/ imports contract/ and pure core/ helpers only; it runs in a browser',
  },
  bench: {
    // tests/support holds the document generators benchmarks share with the tests.
    folders: ['core', 'contract', 'db', 'hardware', 'office', 'server', 'tests/support'],
    packageAllowed: (name) => !isUiPackage(name),
    why: 'bench/ measures the host: it may import anything up to server/',
  },
  scripts: {
    folders: ['core', 'contract', 'db', 'hardware', 'office', 'server'],
    packageAllowed: (name) => !isUiPackage(name),
    why: 'scripts/ are tools for the host: they may import anything up to server/',
  },
};

const SOURCE = /\.(ts|cts|mts|js|mjs|cjs|svelte)$/;
const SCRIPT_BLOCK = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

/** Every import of every source file under the product folders of `root` (folders that do not exist are skipped). */
export function importsOf(root: string): ImportArrow[] {
  const arrows: ImportArrow[] = [];
  for (const layer of LAYERS) {
    for (const file of sourceFiles(path.join(root, layer))) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      for (const specifier of specifiersIn(file)) arrows.push({ file: relative, specifier });
    }
  }
  return arrows;
}

/** The arrows among `arrows` that the rules forbid. */
export function violationsOf(arrows: readonly ImportArrow[]): Violation[] {
  const violations: Violation[] = [];
  for (const arrow of arrows) {
    const rule = forbiddenBy(arrow);
    if (rule !== null) violations.push({ ...arrow, rule });
  }
  return violations;
}

export function checkLayers(root: string): Violation[] {
  return violationsOf(importsOf(root));
}

/** The marker `importsOf` records for `import(x)` or `require(x)` with a computed `x`. */
export const COMPUTED_SPECIFIER = '<computed>';

function forbiddenBy({ file, specifier }: ImportArrow): string | null {
  const layer = file.split('/')[0] as Layer;
  const rule = RULES[layer];
  if (specifier === COMPUTED_SPECIFIER) return 'an import whose module is computed cannot be checked: name the module';
  if (specifier.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    const allowed = [layer, ...rule.folders].some((folder) => target === folder || target.startsWith(`${folder}/`));
    if (!allowed) return rule.why;
    // Routes parse, authorise, call one use case and answer: storage is the use case's business.
    if (file.startsWith('server/routes/') && target.startsWith('db/')) return 'server/routes/ call use cases; they never import db/ directly';
    return null;
  }
  const builtin = isBuiltin(specifier);
  return rule.packageAllowed(builtin ? specifier : packageName(specifier), builtin) ? null : rule.why;
}

/** `@scope/name` of a scoped specifier; other specifiers whole, so rules can name subpaths (`typebox/value`). */
function packageName(specifier: string): string {
  return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier;
}

function sourceFiles(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes('node_modules'))
    .sort();
}

function specifiersIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.svelte')) return specifiersInScript(file, text);
  return [...text.matchAll(SCRIPT_BLOCK)].flatMap((match) => specifiersInScript(`${file}.ts`, match[1]!));
}

function specifiersInScript(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push(expression.text);
    } else if (ts.isCallExpression(node) && isImportOrRequire(node.expression)) {
      const [argument] = node.arguments;
      // A computed specifier could hide any arrow, so it is reported rather than skipped.
      found.push(argument && ts.isStringLiteralLike(argument) ? argument.text : COMPUTED_SPECIFIER);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isImportOrRequire(callee: ts.Expression): boolean {
  return callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
}
