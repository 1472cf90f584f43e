// What Check found: each finding with its severity, what it is, and the fix in
// one sentence.
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleFilled, WarningFilled } from '@fluentui/react-icons';
import type { Diagnostic } from '../../state/connections-store';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: '20px 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  icon: { fontSize: '18px', marginTop: '1px' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground2 },
});

const severityWords = { ok: 'OK', warning: 'Warning', error: 'Problem' } as const;

export function DiagnosticsList({ diagnostics, label }: { diagnostics: readonly Diagnostic[]; label: string }) {
  const styles = useStyles();
  if (diagnostics.length === 0) return <Text>Check found nothing to report.</Text>;
  return (
    <ul className={styles.list} aria-label={label}>
      {diagnostics.map((diagnostic, index) => {
        const Icon = diagnostic.severity === 'ok' ? CheckmarkCircleFilled : diagnostic.severity === 'warning' ? WarningFilled : ErrorCircleFilled;
        return (
          <li key={`${index}-${diagnostic.title}`} className={styles.item}>
            <Icon className={mergeClasses(styles.icon, styles[diagnostic.severity])} aria-hidden />
            <div className={styles.body}>
              <Text weight="semibold">
                <span className={styles[diagnostic.severity]}>{severityWords[diagnostic.severity]}:</span> {diagnostic.title}
              </Text>
              {diagnostic.detail && (
                <Text size={200} className={styles.detail}>
                  {diagnostic.detail}
                </Text>
              )}
              {diagnostic.fix && <Text size={200}>Fix: {diagnostic.fix}</Text>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
