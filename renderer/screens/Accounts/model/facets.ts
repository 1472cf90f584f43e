// The facets the account list can be narrowed by. Each account gets one value
// per facet when it arrives; each value gets a small integer code, so that a
// facet filter is a table lookup per row rather than a string comparison.
import type { AccountDto } from '../../../../preload/contract';

export const facetIds = ['directory', 'status', 'enabled', 'privileged', 'mustChange', 'neverExpires'] as const;
export type FacetId = (typeof facetIds)[number];

export interface FacetSpec {
  id: FacetId;
  /** The filter's name, for its label and screen readers. */
  label: string;
  /** What the filter shows when nothing is chosen. */
  anyLabel: string;
  /** Values every population has, in display order (booleans); open facets (directory, status) list what they find. */
  fixed?: readonly { value: string; label: string }[];
}

export const facetSpecs: Record<FacetId, FacetSpec> = {
  directory: { id: 'directory', label: 'Directory', anyLabel: 'All directories' },
  status: { id: 'status', label: 'Status', anyLabel: 'Any status' },
  enabled: {
    id: 'enabled',
    label: 'Enabled',
    anyLabel: 'Enabled or not',
    fixed: [
      { value: 'yes', label: 'Enabled' },
      { value: 'no', label: 'Disabled' },
    ],
  },
  privileged: {
    id: 'privileged',
    label: 'Privileged',
    anyLabel: 'Privileged or not',
    fixed: [
      { value: 'yes', label: 'Privileged' },
      { value: 'no', label: 'Not privileged' },
    ],
  },
  mustChange: {
    id: 'mustChange',
    label: 'Must change',
    anyLabel: 'Must change: any',
    fixed: [
      { value: 'yes', label: 'Must change at next sign-in' },
      { value: 'no', label: 'Not flagged' },
      { value: 'unknown', label: 'Not known' },
    ],
  },
  neverExpires: {
    id: 'neverExpires',
    label: 'Never expires',
    anyLabel: 'Never expires: any',
    fixed: [
      { value: 'yes', label: 'Password never expires' },
      { value: 'no', label: 'Password expires' },
      { value: 'unknown', label: 'Not reported' },
    ],
  },
};

const yesNoUnknown = (value: boolean | null | undefined): string => (value === true ? 'yes' : value === false ? 'no' : 'unknown');

/** The status a directory reports, or enabled/disabled where it reports none. */
export function accountStatus(account: AccountDto): string {
  const reported = account.attributes.status?.trim();
  return reported ? reported : account.enabled ? 'Enabled' : 'Disabled';
}

/** The facet value of one account (directory labels come from the listing). */
export function facetValue(id: FacetId, account: AccountDto): string {
  switch (id) {
    case 'directory':
      return account.directoryId;
    case 'status':
      return accountStatus(account);
    case 'enabled':
      return account.enabled ? 'yes' : 'no';
    case 'privileged':
      return account.privileged ? 'yes' : 'no';
    case 'mustChange':
      return yesNoUnknown(account.attributes.mustChange);
    case 'neverExpires':
      return yesNoUnknown(account.attributes.neverExpires);
  }
}

/** Value <-> code for one facet, with how many accounts carry each value. */
export class FacetDictionary {
  readonly values: string[] = [];
  readonly labels: string[] = [];
  readonly counts: number[] = [];
  private readonly index = new Map<string, number>();

  constructor(fixed: FacetSpec['fixed'] = []) {
    for (const option of fixed) this.code(option.value, option.label);
  }

  /** The code of a value, registering it on first sight. */
  code(value: string, label = value): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.index.set(value, code);
      this.values.push(value);
      this.labels.push(label);
      this.counts.push(0);
    }
    return code;
  }

  codeOf(value: string): number | undefined {
    return this.index.get(value);
  }

  relabel(value: string, label: string): void {
    const code = this.index.get(value);
    if (code !== undefined) this.labels[code] = label;
  }
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/** The options a facet filter offers: fixed ones in their order, found ones by label; values nobody has are left out. */
export function facetOptions(id: FacetId, dictionary: FacetDictionary): FacetOption[] {
  const options = dictionary.values
    .map((value, code) => ({ value, label: dictionary.labels[code] ?? value, count: dictionary.counts[code] ?? 0 }))
    .filter((option) => option.count > 0);
  if (facetSpecs[id].fixed) return options;
  return options.sort((a, b) => a.label.localeCompare(b.label));
}
