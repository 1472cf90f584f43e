// The PowerShell parser the tests use, since no PowerShell is installed here:
// tree-sitter-powershell (compiled to WebAssembly) through web-tree-sitter.
// A script "parses" when the tree has no ERROR and no MISSING node.
import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

let parser: Promise<Parser> | null = null;

function loadParser(): Promise<Parser> {
  parser ??= (async () => {
    const runtime = require.resolve('web-tree-sitter/web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtime });
    const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
    const created = new Parser();
    created.setLanguage(language);
    return created;
  })();
  return parser;
}

export interface SyntaxProblem {
  kind: 'error' | 'missing';
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The text the parser could not place (or the token it expected, for a missing node). */
  text: string;
}

function collect(node: Node, problems: SyntaxProblem[]): void {
  if (node.isError || node.isMissing) {
    problems.push({
      kind: node.isMissing ? 'missing' : 'error',
      line: node.startPosition.row + 1,
      column: node.startPosition.column + 1,
      text: node.isMissing ? node.type : node.text.slice(0, 80),
    });
    return;
  }
  for (const child of node.children) if (child) collect(child, problems);
}

export async function powerShellSyntaxProblems(source: string): Promise<SyntaxProblem[]> {
  const tree = (await loadParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const problems: SyntaxProblem[] = [];
  collect(tree.rootNode, problems);
  tree.delete();
  return problems;
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of node.children) if (child) walk(child, visit);
}

/** Every `function Name { ... }` in the source, by name, with its full text. */
export async function functionDefinitions(source: string): Promise<Map<string, string>> {
  const tree = (await loadParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const found = new Map<string, string>();
  walk(tree.rootNode, (node) => {
    if (node.type !== 'function_statement') return;
    const name = node.children.find((c) => c?.type === 'function_name')?.text;
    if (name) found.set(name, node.text);
  });
  tree.delete();
  return found;
}

/** The string literals of a source, in order, with their quotes. */
export async function stringLiterals(source: string): Promise<string[]> {
  const tree = (await loadParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const found: string[] = [];
  walk(tree.rootNode, (node) => {
    if (node.type === 'string_literal') found.push(node.text);
  });
  tree.delete();
  return found;
}

/** Names of the commands a source invokes (command_name nodes), e.g. Invoke-RekeyScript. */
export async function commandNames(source: string): Promise<string[]> {
  const tree = (await loadParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const found: string[] = [];
  walk(tree.rootNode, (node) => {
    if (node.type === 'command_name') found.push(node.text);
  });
  tree.delete();
  return found;
}
