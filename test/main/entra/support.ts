// Test support for the Entra directory: the practice stand-in with compressed
// time, a SecretStore that really encrypts (AES-256-GCM) to a temp file, a
// programmatic "system browser" for the interactive sign-in, and a connected
// EntraConnection.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretStore } from '../../../main/core/ports';
import { EntraConnection, type EntraConnectionConfig, type EntraConnectionDeps } from '../../../main/entra/connection';
import { createFetch } from '../../../main/entra/transport';
import { practiceTenant } from '../../../main/practice/graph/seed';
import { startGraphStandIn, type GraphStandIn, type GraphStandInOptions } from '../../../main/practice/graph/server';

/** 1 service second = 1 real millisecond: Retry-After: 3 means 3 ms, the 150 s quota window lasts 150 ms. */
export const testTimeScale = 0.001;

/** Secrets encrypted with AES-256-GCM (key in memory only) into one JSON file, like safeStorage would at rest. */
export interface EncryptedFileSecretStore extends SecretStore {
  file: string;
  dispose(): Promise<void>;
}

export async function encryptedFileSecretStore(): Promise<EncryptedFileSecretStore> {
  const dir = await mkdtemp(join(tmpdir(), 'rekey-entra-secrets-'));
  const file = join(dir, 'secrets.json');
  const key = randomBytes(32);
  const readAll = async (): Promise<Record<string, string>> => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    file,
    get: (name) =>
      serial(async () => {
        const sealed = (await readAll())[name];
        if (!sealed) return null;
        const raw = Buffer.from(sealed, 'base64');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      }),
    set: (name, value) =>
      serial(async () => {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
        const all = await readAll();
        all[name] = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
        await writeFile(file, JSON.stringify(all), { mode: 0o600 });
      }),
    delete: (name) =>
      serial(async () => {
        const all = await readAll();
        delete all[name];
        await writeFile(file, JSON.stringify(all), { mode: 0o600 });
      }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface PracticeBrowser {
  openBrowser: (url: string) => Promise<void>;
  /** Authorize URLs the app asked the browser to open. */
  opened: string[];
}

/**
 * The "system browser": loads the authorize URL (trusting only the
 * stand-in's certificate), reads the form_post page Entra answers with, and
 * submits it to MSAL's loopback listener, as the page's script would.
 */
export function practiceBrowser(standIn: GraphStandIn): PracticeBrowser {
  const fetchLike = createFetch({ origin: standIn.origin, certificatePem: standIn.certificatePem });
  const opened: string[] = [];
  return {
    opened,
    openBrowser: async (url) => {
      opened.push(url);
      const page = await fetchLike(url);
      const html = await page.text();
      const action = /<form method="POST" name="hiddenform" action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`The authorize page did not post back: ${html.slice(0, 300)}`);
      const form = new URLSearchParams();
      for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)" \/>/g)) {
        form.append(unescapeHtml(match[1] as string), unescapeHtml(match[2] as string));
      }
      const posted = await fetch(unescapeHtml(action), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      await posted.text();
    },
  };
}

function unescapeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function startPracticeStandIn(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
  return startGraphStandIn({ timeScale: testTimeScale, deviceCodeIntervalSeconds: 0.02, ...options });
}

/** Connection settings pointing at the stand-in (delegated, the "Rekey" app registration). */
export function practiceConfig(standIn: GraphStandIn, overrides: Partial<EntraConnectionConfig> = {}): EntraConnectionConfig {
  return {
    tenant: standIn.tenantDomain,
    clientId: practiceTenant.delegatedClientId,
    mode: 'delegated',
    authorityHost: standIn.origin,
    graphBaseUrl: standIn.graphBaseUrl,
    trustedCertificatePem: standIn.certificatePem,
    displayName: 'Contoso Practice',
    ...overrides,
  };
}

export function practiceDeps(secrets: SecretStore, overrides: Partial<EntraConnectionDeps> = {}): EntraConnectionDeps {
  return {
    secrets,
    rateShare: 0.9,
    writeQuota: { writes: 3000, windowMs: 150_000 * testTimeScale },
    timing: { retryDelayScale: testTimeScale, maxAttempts: 8 },
    requestTimeoutMs: 5000,
    ...overrides,
  };
}

/** A connection signed in through the interactive flow as `user` (alias like "meganb"). */
export async function signedInConnection(
  standIn: GraphStandIn,
  user: string = practiceTenant.operators.privilegedAuthAdmin,
  secrets: SecretStore = memoryStore(),
  deps: Partial<EntraConnectionDeps> = {},
): Promise<EntraConnection> {
  standIn.authority.signIn(`${user}@${standIn.tenantDomain}`);
  const connection = new EntraConnection(practiceConfig(standIn), practiceDeps(secrets, deps));
  await connection.signInInteractive({ openBrowser: practiceBrowser(standIn).openBrowser });
  return connection;
}

function memoryStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
  };
}
