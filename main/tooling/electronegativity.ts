// `npm run test:electronegativity`: Doyensec's Electronegativity over the code
// that ships (main/, preload/, renderer/ and package.json), failing on any HIGH
// or MEDIUM finding. A finding we keep on purpose is suppressed where it
// occurs with the tool's own annotation and a reason, e.g.
//   new BrowserWindow(options); /* eng-disable SANDBOX_JS_CHECK: options come from window-options.ts */
// so every exception is visible in review next to the code it excuses.
//
// The tool reads one input folder, so the scanned sources are staged into a
// temporary folder (keeping their relative paths): scanning the repository
// root would also scan test/, out/ and the bundles. electron-builder.yml is
// not scanned: the tool reads only JS/TS/HTML and package.json.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from '../security/csp';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const SCANNED_FOLDERS = ['main', 'preload', 'renderer'];
const SCANNED_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist', '.git']);

/** Global checks that cannot work for this code base, and why. Everything else runs. */
export const EXCLUDED_GLOBAL_CHECKS: Record<string, string> = {
  AvailableSecurityFixesGlobalCheck:
    "downloads Electron's release list from GitHub on every run (these machines have no internet), and for a devDependency its finding is informational only; Electron updates arrive through npm.",
  CSPGlobalCheck:
    'looks for a CSP string literal; ours is built by main/security/csp.ts and sent as a header by main/security/protocol.ts. This runner evaluates that exact policy with the same csp-evaluator instead (see checkContentSecurityPolicy).',
};

export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  sample: string;
  description: string;
}

export interface ScanReport {
  findings: Finding[];
  /** Files the tool could not parse: unscanned code. */
  unparsed: { file: string; message: string }[];
}

interface RawIssue {
  id: string;
  file: string;
  sample?: string;
  location: { line: number; column: number };
  description: string | Record<string, string>;
  severity: { name: string };
  confidence: { name: string };
}

type RunElectronegativity = (options: Record<string, unknown>) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

/** Copy the scanned sources into a fresh temporary folder. */
export async function stageSources(root: string = repoRoot): Promise<string> {
  const stage = await mkdtemp(path.join(os.tmpdir(), 'rekey-electronegativity-'));
  const copyTree = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await copyTree(child);
      else if (entry.isFile() && SCANNED_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        await mkdir(path.join(stage, relative), { recursive: true });
        await copyFile(path.join(root, child), path.join(stage, child));
      }
    }
  };
  for (const folder of SCANNED_FOLDERS) await copyTree(folder);
  await copyFile(path.join(root, 'package.json'), path.join(stage, 'package.json'));
  return stage;
}

function describe(issue: RawIssue): string {
  return typeof issue.description === 'string' ? issue.description : Object.values(issue.description).join(' ');
}

export async function scan(root: string = repoRoot): Promise<ScanReport> {
  const loaded = require('@doyensec/electronegativity') as RunElectronegativity | { default: RunElectronegativity };
  const run = typeof loaded === 'function' ? loaded : loaded.default;
  const electronVersion = (JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  const stage = await stageSources(root);
  // The tool announces that it could not fetch translations (no internet); that is noise here.
  const originalLog = console.log;
  console.log = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) originalLog(...args);
  };
  try {
    const result = await run({
      input: stage,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: Object.keys(EXCLUDED_GLOBAL_CHECKS).map((name) => name.toLowerCase()),
      customScan: [],
      parserPlugins: [],
    });
    const stagedFiles = new Map<string, string>();
    for (const error of result.errors.filter((e) => !e.tolerable)) {
      stagedFiles.set(path.relative(stage, error.file), error.message);
    }
    return {
      findings: result.issues.map((issue) => ({
        id: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: issue.file,
        line: issue.location.line,
        sample: (issue.sample ?? '').trim().slice(0, 160),
        description: describe(issue),
      })),
      unparsed: [...stagedFiles].map(([file, message]) => ({ file, message })),
    };
  } finally {
    console.log = originalLog;
    await rm(stage, { recursive: true, force: true });
  }
}

/** Evaluate the real CSP with the evaluator CSPGlobalCheck uses; returns the HIGH/MEDIUM/syntax problems and the rest as notes. */
export function checkContentSecurityPolicy(policy: string = contentSecurityPolicy()): { problems: string[]; notes: string[] } {
  const evaluator = require(require.resolve('@doyensec/csp-evaluator', { paths: [path.dirname(require.resolve('@doyensec/electronegativity'))] })) as {
    CspParser: new (csp: string) => { csp: unknown };
    CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; description: string }[] };
    Version: { CSP3: unknown };
    severities: Record<string, number>;
  };
  const findings = new evaluator.CspEvaluator(new evaluator.CspParser(policy).csp, evaluator.Version.CSP3).evaluate();
  const blocking = new Set([evaluator.severities.HIGH, evaluator.severities.SYNTAX, evaluator.severities.MEDIUM]);
  const problems: string[] = [];
  const notes: string[] = [];
  for (const finding of findings) {
    (blocking.has(finding.severity) ? problems : notes).push(`${finding.directive}: ${finding.description}`);
  }
  return { problems, notes };
}

export const BLOCKING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

/** Print the report; returns the process exit code. */
export async function main(root: string = repoRoot, print: (line: string) => void = console.log): Promise<number> {
  const report = await scan(root);
  const csp = checkContentSecurityPolicy();
  const blocking = report.findings.filter((f) => BLOCKING_SEVERITIES.has(f.severity));
  // A file that could not be parsed was not checked. That matters where Electron APIs are used.
  const unscannedElectronCode: ScanReport['unparsed'] = [];
  for (const entry of report.unparsed) {
    const text = await readFile(path.join(root, entry.file), 'utf8').catch(() => '');
    if (/['"]electron['"]/.test(text)) unscannedElectronCode.push(entry);
  }

  print(`Electronegativity over ${SCANNED_FOLDERS.join('/, ')}/ and package.json`);
  for (const [check, reason] of Object.entries(EXCLUDED_GLOBAL_CHECKS)) print(`  not run: ${check}: ${reason}`);
  for (const f of report.findings) {
    print(`  ${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.line}  ${f.sample || f.description}`);
  }
  for (const entry of report.unparsed) print(`  could not parse ${entry.file}: ${entry.message}`);
  print(`  CSP: ${contentSecurityPolicy()}`);
  for (const problem of csp.problems) print(`  CSP problem: ${problem}`);
  for (const note of csp.notes) print(`  CSP note: ${note}`);

  const failures = blocking.length + csp.problems.length + unscannedElectronCode.length;
  print(
    failures === 0
      ? `Passed: no HIGH or MEDIUM finding (${report.findings.length} lower-severity finding(s) listed above).`
      : `Failed: ${blocking.length} HIGH/MEDIUM finding(s), ${csp.problems.length} CSP problem(s), ${unscannedElectronCode.length} unparsed file(s) that use electron. Fix them, or suppress a deliberate one on its line with /* eng-disable CHECK_ID: reason */.`,
  );
  return failures === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`Electronegativity could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
