import { median } from './measures';
import type { Target } from './targets';

/** What the report holds per figure and server: every round's value, and the target's verdict. */
export type Name = Target['name'];
export const NAMES: Name[] = ['Tandem', 'Tandem cluster', 'y-websocket', 'Hocuspocus'];

type Medians = Partial<Record<Name, number>>;
/** Whether Tandem (the single node) meets a target, judged on the medians of the rounds. */
export type Check = (medians: Medians) => boolean;

export const below =
  (limit: number): Check =>
  (m) =>
    (m.Tandem ?? Number.POSITIVE_INFINITY) < limit;
export const atMost =
  (limit: number): Check =>
  (m) =>
    (m.Tandem ?? Number.POSITIVE_INFINITY) <= limit;
export const atLeast =
  (limit: number): Check =>
  (m) =>
    (m.Tandem ?? Number.NEGATIVE_INFINITY) >= limit;
/** No worse than the fastest of `references` in the same run. */
export const noWorseThan =
  (...references: Name[]): Check =>
  (m) => {
    const best = Math.min(...references.map((r) => m[r] ?? Number.POSITIVE_INFINITY));
    return (m.Tandem ?? Number.POSITIVE_INFINITY) <= best;
  };
export const both =
  (...checks: Check[]): Check =>
  (m) =>
    checks.every((check) => check(m));

interface Row {
  figure: string;
  unit: string;
  target: string;
  check: Check | null;
  samples: Partial<Record<Name, number[]>>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export class Report {
  private readonly rows: Row[] = [];

  /** `judged: false` (smoke sizes) leaves the verdicts out: tiny sizes say nothing of targets. */
  constructor(private readonly judged = true) {}

  /** One round's value of a figure for one server. */
  record(
    figure: string,
    unit: string,
    name: Name,
    value: number,
    target: { text: string; check: Check } | null = null,
  ): void {
    let row = this.rows.find((r) => r.figure === figure);
    if (!row) {
      row = { figure, unit, target: target?.text ?? '', check: target?.check ?? null, samples: {} };
      this.rows.push(row);
    }
    (row.samples[name] ??= []).push(round2(value));
  }

  private medians(row: Row): Medians {
    const out: Medians = {};
    for (const name of NAMES) {
      const values = row.samples[name];
      if (values?.length) out[name] = round2(median(values));
    }
    return out;
  }

  private verdict(row: Row): boolean | null {
    return row.check && this.judged ? row.check(this.medians(row)) : null;
  }

  /** Targets missed on the medians. */
  missed(): string[] {
    return this.rows.filter((r) => this.verdict(r) === false).map((r) => r.figure);
  }

  markdown(header: string): string {
    const cell = (row: Row, name: Name) => {
      const values = row.samples[name];
      if (!values?.length) return '—';
      const unit = row.unit ? ` ${row.unit}` : '';
      const m = round2(median(values));
      if (values.length === 1) return `${m}${unit}`;
      return `${m}${unit} (${Math.min(...values)}–${Math.max(...values)})`;
    };
    const ratio = (row: Row, to: Name) => {
      const m = this.medians(row);
      return m.Tandem !== undefined && m[to] ? String(round2(m.Tandem / (m[to] ?? 1))) : '—';
    };
    const verdict = (row: Row) => {
      const v = this.verdict(row);
      return v === null ? '' : v ? 'met' : '**missed**';
    };
    return [
      header,
      '',
      `| figure | ${NAMES.join(' | ')} | Tandem / y-websocket | Tandem / Hocuspocus | target | on the medians |`,
      `|${Array(NAMES.length + 5)
        .fill('---')
        .join('|')}|`,
      ...this.rows.map(
        (r) =>
          `| ${r.figure} | ${NAMES.map((n) => cell(r, n)).join(' | ')} | ${ratio(r, 'y-websocket')} | ${ratio(r, 'Hocuspocus')} | ${r.target} | ${verdict(r)} |`,
      ),
    ].join('\n');
  }

  json() {
    return this.rows.map((r) => ({
      figure: r.figure,
      unit: r.unit,
      target: r.target,
      met: this.verdict(r),
      samples: r.samples,
      medians: this.medians(r),
    }));
  }
}
