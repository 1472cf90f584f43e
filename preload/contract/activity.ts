// The record: runs over time, journal integrity, report exports.
import { z } from 'zod';
import { channel, noRequest } from './define';
import { runSummary } from './model';

const runId = z.string().min(1).max(200);

export const runListing = z.union([runSummary, z.object({ runId: z.string(), error: z.string() })]);

export const timelineEntry = z.object({
  at: z.string(),
  runId: z.string(),
  kind: z.enum(['run-started', 'run-resumed', 'run-cancelled', 'run-ended', 'run-interrupted', 'verify-again']),
  who: z.string(),
  text: z.string(),
  practice: z.boolean(),
});

export const journalIntegrity = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), records: z.number().int(), finished: z.boolean() }),
  z.object({ ok: z.literal(false), records: z.number().int(), line: z.number().int(), seq: z.number().int().nullable(), problem: z.string() }),
]);

export const reportFile = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });

export const activityChannels = {
  'activity.runs': channel({ request: noRequest, reply: z.array(runListing), summary: 'Every run, with its outcome counts.' }),
  'activity.timeline': channel({ request: noRequest, reply: z.array(timelineEntry), summary: 'What happened across all runs, newest first.' }),
  'activity.integrity': channel({ request: z.object({ runId }).strict(), reply: journalIntegrity, summary: 'Check a run’s journal hash chain.' }),
  'activity.export': channel({
    request: z.object({ runId, format: z.enum(['csv', 'json', 'html']) }).strict(),
    reply: reportFile,
    summary: 'A run report (one row per account, excluded ones with their reason) as CSV, JSON or printable HTML.',
  }),
};
