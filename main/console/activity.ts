// activity.* : every run, the timeline across runs, a journal's hash-chain
// check, and report exports (CSV, JSON, printable HTML).
import type { JournalVerification } from '../core/journal';
import { reportToCsv, reportToHtml, reportToJson } from '../core/report';
import type { TimelineEntry } from '../core/timeline';
import type { RekeyFlow, RunListing } from '../flow/service';

export type ReportFormat = 'csv' | 'json' | 'html';

const formats: Record<ReportFormat, { mimeType: string; render: typeof reportToCsv }> = {
  csv: { mimeType: 'text/csv;charset=utf-8', render: reportToCsv },
  json: { mimeType: 'application/json', render: reportToJson },
  html: { mimeType: 'text/html;charset=utf-8', render: reportToHtml },
};

export class ActivityService {
  constructor(private readonly flow: RekeyFlow) {}

  /** Newest first, like the timeline; a journal that cannot be read is listed with the reason. */
  async runs(): Promise<RunListing[]> {
    return (await this.flow.listRuns()).reverse();
  }

  timeline(): Promise<TimelineEntry[]> {
    return this.flow.timeline();
  }

  integrity(runId: string): Promise<JournalVerification> {
    return this.flow.checkJournal(runId);
  }

  async export(runId: string, format: ReportFormat): Promise<{ fileName: string; mimeType: string; content: string }> {
    const report = await this.flow.report(runId);
    const { mimeType, render } = formats[format];
    return { fileName: `rekey-run-${runId}.${format}`, mimeType, content: render(report) };
  }
}
