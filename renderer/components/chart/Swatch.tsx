// A legend's sample of one state: its colour and its pattern.
import { makeStyles } from '@fluentui/react-components';
import { useId } from 'react';
import { outcomeStyle, type OutcomeState } from './outcome-states';
import { PatternDefs, patternId } from './PatternDefs';

const useStyles = makeStyles({ swatch: { flexShrink: 0, verticalAlign: 'middle' } });

export function Swatch({ state }: { state: OutcomeState }) {
  const styles = useStyles();
  const prefix = useId().replace(/:/g, '');
  const { fill, pattern } = outcomeStyle[state];
  return (
    <svg className={styles.swatch} width={14} height={14} viewBox="0 0 14 14" aria-hidden focusable="false">
      <PatternDefs prefix={prefix} />
      <rect x={0} y={0} width={14} height={14} rx={2} style={{ fill }} />
      {pattern !== 'solid' && <rect x={0} y={0} width={14} height={14} rx={2} fill={`url(#${patternId(prefix, pattern)})`} />}
    </svg>
  );
}
