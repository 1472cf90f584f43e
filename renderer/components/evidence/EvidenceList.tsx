// Raw evidence behind a step or a verification: the HTTP calls a directory
// answered (status, request ids to quote to Microsoft or Okta support), the
// PowerShell scripts that ran (host, exit status, output) and notes. Shown as
// recorded; nothing is summarised away.
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleFilled, GlobeRegular, InfoRegular, NoteRegular, WindowConsoleRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import {
  exitStatusText,
  exitStatusTone,
  formatEvidenceTime,
  httpFacts,
  httpStatusTone,
  urlPath,
  type Evidence,
} from './evidence-format';
import { PowerShellOutput } from './PowerShellOutput';

export type { Evidence } from './evidence-format';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  kindIcon: { fontSize: '20px', color: tokens.colorNeutralForeground2, paddingTop: '2px' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  kindLabel: { color: tokens.colorNeutralForeground2 },
  path: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  status: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, fontWeight: tokens.fontWeightSemibold },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  neutral: { color: tokens.colorNeutralForeground2 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  factRow: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  time: { color: tokens.colorNeutralForeground3 },
  empty: { color: tokens.colorNeutralForeground2 },
});

type Styles = ReturnType<typeof useStyles>;

function toneGlyph(tone: 'good' | 'bad' | 'neutral', styles: Styles): ReactNode {
  if (tone === 'good') return <CheckmarkCircleFilled aria-hidden className={styles.good} />;
  if (tone === 'bad') return <ErrorCircleFilled aria-hidden className={styles.bad} />;
  return <InfoRegular aria-hidden className={styles.neutral} />;
}

function factList(facts: Array<{ label: string; value: string }>, styles: Styles): ReactNode {
  return (
    <dl className={styles.facts}>
      {facts.map((fact) => (
        <div key={fact.label} className={styles.factRow}>
          <dt className={styles.term}>{fact.label}</dt>
          <dd className={styles.value}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function renderHttp(item: Extract<Evidence, { kind: 'http' }>, styles: Styles): ReactNode {
  const tone = httpStatusTone(item.status);
  return (
    <>
      <div className={styles.head}>
        <Text size={200} className={styles.kindLabel}>
          HTTP call
        </Text>
        <Badge appearance="outline" shape="rounded" size="small">
          {item.method.toUpperCase()}
        </Badge>
        <span className={styles.path} title={item.url}>
          {urlPath(item.url)}
        </span>
        <span className={styles.status}>
          {toneGlyph(tone, styles)}
          <Text size={200} weight="semibold">
            {item.status === 0 ? 'No answer' : `Status ${item.status}`}
          </Text>
        </span>
      </div>
      {factList(httpFacts(item), styles)}
    </>
  );
}

function renderPowerShell(item: Extract<Evidence, { kind: 'powershell' }>, styles: Styles): ReactNode {
  const tone = exitStatusTone(item.exitStatus);
  return (
    <>
      <div className={styles.head}>
        <Text size={200} className={styles.kindLabel}>
          PowerShell
        </Text>
        <span className={styles.path}>{item.script}</span>
        <span className={styles.status}>
          {toneGlyph(tone, styles)}
          <Text size={200} weight="semibold">
            {exitStatusText(item.exitStatus)}
          </Text>
        </span>
      </div>
      {factList(
        [
          { label: 'Host', value: item.host },
          { label: 'Time', value: formatEvidenceTime(item.at) },
        ],
        styles,
      )}
      <PowerShellOutput output={item.output} host={item.host} script={item.script} />
    </>
  );
}

function renderNote(item: Extract<Evidence, { kind: 'note' }>, styles: Styles): ReactNode {
  return (
    <>
      <div className={styles.head}>
        <Text size={200} className={styles.kindLabel}>
          Note
        </Text>
        <Text size={200} className={styles.time}>
          {formatEvidenceTime(item.at)}
        </Text>
      </div>
      <Text className={styles.note}>{item.text}</Text>
    </>
  );
}

const kindIcons: Record<Evidence['kind'], ReactNode> = {
  http: <GlobeRegular />,
  powershell: <WindowConsoleRegular />,
  note: <NoteRegular />,
};

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  const styles = useStyles();
  if (evidence.length === 0) {
    return <Text className={styles.empty}>No evidence was recorded for this.</Text>;
  }
  return (
    <ul className={styles.list} aria-label={evidence.length === 1 ? '1 piece of evidence' : `${evidence.length} pieces of evidence`}>
      {evidence.map((item, index) => (
        <li key={`${item.kind}-${item.at}-${index}`} className={styles.item}>
          <span className={styles.kindIcon} aria-hidden>
            {kindIcons[item.kind]}
          </span>
          <div className={styles.body}>
            {item.kind === 'http' ? renderHttp(item, styles) : item.kind === 'powershell' ? renderPowerShell(item, styles) : renderNote(item, styles)}
          </div>
        </li>
      ))}
    </ul>
  );
}
