// RFC 4180 CSV, read incrementally so a 10 MB import never blocks the event
// loop: text is fed in chunks, rows come out as they complete, and the driver
// yields between chunks. Quoted fields may contain the separator, doubled
// quotes and line breaks; line numbers are physical lines (1-based) where each
// row starts, so problems can be reported the way an editor shows the file.

export type CsvDelimiter = ',' | ';';

export interface CsvRow {
  /** Physical line where the row starts (1-based). */
  line: number;
  fields: string[];
  /** Set when the row breaks the quoting rules; the fields are then a best effort. */
  error?: string;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/** The state machine. Push chunks, then end(); rows are handed to the callback as they complete. */
export class CsvTokenizer {
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private rowLine = 1;
  private rowHasContent = false;
  private rowError: string | undefined;
  private skipLineFeed = false;
  private quotedCarriageReturn = false;

  constructor(
    private readonly delimiter: CsvDelimiter,
    private readonly onRow: (row: CsvRow) => void,
  ) {}

  push(chunk: string): void {
    const delimiter = this.delimiter;
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk[i] as string;
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (char === '\n') continue;
      }
      switch (this.state) {
        case State.FieldStart:
          if (char === '"') {
            this.state = State.Quoted;
            this.quotedCarriageReturn = false;
            this.rowHasContent = true;
          } else if (char === delimiter) {
            this.rowHasContent = true;
            this.endField();
          } else if (char === '\n' || char === '\r') {
            this.endRow(char);
          } else {
            this.rowHasContent = true;
            this.field += char;
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted:
          if (char === delimiter) this.endField();
          else if (char === '\n' || char === '\r') this.endRow(char);
          else {
            if (char === '"') this.rowError ??= 'a quote appears inside a field that does not start with a quote';
            this.field += char;
          }
          break;
        case State.Quoted:
          if (char === '"') this.state = State.QuoteInQuoted;
          else {
            // Line breaks inside quotes are data, but still advance the physical line count (CRLF once).
            if (char === '\r' || (char === '\n' && !this.quotedCarriageReturn)) this.line++;
            this.quotedCarriageReturn = char === '\r';
            this.field += char;
          }
          break;
        case State.QuoteInQuoted:
          if (char === '"') {
            this.field += '"';
            this.state = State.Quoted;
            this.quotedCarriageReturn = false;
          } else if (char === delimiter) this.endField();
          else if (char === '\n' || char === '\r') this.endRow(char);
          else {
            this.rowError ??= 'text follows a closing quote (a quote inside a quoted field must be doubled)';
            this.field += char;
            this.state = State.Unquoted;
          }
          break;
      }
    }
  }

  /** Flush the last row. A quoted field still open at the end of the text makes that row malformed. */
  end(): void {
    if (this.state === State.Quoted) this.rowError ??= 'a quoted field is never closed';
    if (this.rowHasContent || this.fields.length > 0 || this.field !== '') this.emitRow();
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRow(newline: string): void {
    if (this.rowHasContent || this.fields.length > 0 || this.field !== '') this.emitRow();
    this.line++;
    this.rowLine = this.line;
    this.skipLineFeed = newline === '\r';
  }

  private emitRow(): void {
    this.fields.push(this.field);
    const row: CsvRow = { line: this.rowLine, fields: this.fields };
    if (this.rowError) row.error = this.rowError;
    this.onRow(row);
    this.fields = [];
    this.field = '';
    this.state = State.FieldStart;
    this.rowHasContent = false;
    this.rowError = undefined;
  }
}

/** Choose `;` or `,` by counting them outside quotes in the header line. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export interface CsvReadProgress {
  charsRead: number;
  /** Total characters when known (a string source), else null. */
  totalChars: number | null;
  rows: number;
}

export interface CsvReadOptions {
  /** Characters processed between yields to the event loop. */
  chunkChars?: number;
  onProgress?: (progress: CsvReadProgress) => void;
  /** How to give the event loop a turn; defaults to setImmediate (or setTimeout where it does not exist). */
  yieldControl?: () => Promise<void>;
  signal?: AbortSignal;
}

export const defaultYield = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/**
 * Read CSV text (a whole string or an async stream of decoded chunks) row by
 * row. The byte-order mark is dropped, the delimiter detected from the header.
 * `onRow` may be async only in the sense that it is awaited per chunk, never per row.
 */
export async function readCsv(
  source: string | AsyncIterable<string>,
  onRow: (row: CsvRow) => void,
  options: CsvReadOptions = {},
): Promise<{ delimiter: CsvDelimiter; rows: number }> {
  const chunkChars = options.chunkChars ?? 64 * 1024;
  const yieldControl = options.yieldControl ?? defaultYield;
  const totalChars = typeof source === 'string' ? source.length : null;
  let tokenizer: CsvTokenizer | null = null;
  let delimiter: CsvDelimiter = ',';
  let pending = '';
  let charsRead = 0;
  let rows = 0;
  let first = true;
  const countingOnRow = (row: CsvRow) => {
    rows++;
    onRow(row);
  };

  const feed = async (text: string) => {
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!tokenizer) {
      // Wait for the whole header line before deciding the delimiter.
      pending += text;
      const newline = pending.search(/[\r\n]/);
      if (newline === -1) return;
      delimiter = detectDelimiter(pending.slice(0, newline));
      tokenizer = new CsvTokenizer(delimiter, countingOnRow);
      text = pending;
      pending = '';
    }
    for (let offset = 0; offset < text.length; offset += chunkChars) {
      options.signal?.throwIfAborted();
      const piece = text.slice(offset, offset + chunkChars);
      tokenizer.push(piece);
      charsRead += piece.length;
      options.onProgress?.({ charsRead, totalChars, rows });
      await yieldControl();
    }
  };

  if (typeof source === 'string') await feed(source);
  else for await (const chunk of source) await feed(chunk);

  if (!tokenizer) {
    // A file with a single line and no line break.
    delimiter = detectDelimiter(pending);
    tokenizer = new CsvTokenizer(delimiter, countingOnRow);
    tokenizer.push(pending);
    charsRead += pending.length;
  }
  tokenizer.end();
  options.onProgress?.({ charsRead, totalChars, rows });
  return { delimiter, rows };
}
