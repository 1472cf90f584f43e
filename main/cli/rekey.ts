#!/usr/bin/env node
// The rekey command line: the same flow as the console, headless.
import { createInterface } from 'node:readline/promises';
import type { CliIo } from './io';
import { runCli } from './main';

const io: CliIo = {
  stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
  stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
  interactive: process.stdin.isTTY === true,
  env: process.env,
  async ask(question) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
  onInterrupt(handler) {
    process.on('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`rekey: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
