// SVG fill patterns drawn over each segment and legend swatch: thin lines or
// dots in the page's background colour, so that states stay distinguishable
// where colour cannot tell them apart (contrast themes turn every palette
// colour into the same one; colour-blind readers see fewer hues).
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PatternKind } from './outcome-states';

export const patternId = (prefix: string, kind: PatternKind) => `${prefix}-pattern-${kind}`;

const useStyles = makeStyles({
  mark: { stroke: tokens.colorNeutralBackground1, strokeWidth: 1.5, fill: 'none' },
  dot: { fill: tokens.colorNeutralBackground1 },
});

export function PatternDefs({ prefix }: { prefix: string }) {
  const styles = useStyles();
  const size = 6;
  const pattern = (kind: PatternKind, children: ReactNode) => (
    <pattern id={patternId(prefix, kind)} width={size} height={size} patternUnits="userSpaceOnUse">
      {children}
    </pattern>
  );
  return (
    <defs>
      {pattern('diagonal', <path className={styles.mark} d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" />)}
      {pattern('back-diagonal', <path className={styles.mark} d="M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" />)}
      {pattern('dots', <circle className={styles.dot} cx={3} cy={3} r={1.2} />)}
      {pattern('cross', <path className={styles.mark} d="M0,0 l6,6 M6,0 l-6,6" />)}
      {pattern('horizontal', <path className={styles.mark} d="M0,3 h6" />)}
      {pattern('vertical', <path className={styles.mark} d="M3,0 v6" />)}
      {pattern('grid', <path className={styles.mark} d="M0,3 h6 M3,0 v6" />)}
      {pattern('dashes', <path className={styles.mark} d="M0,1.5 h3 M3,4.5 h3" />)}
      <pattern id={patternId(prefix, 'wide-diagonal')} width={12} height={12} patternUnits="userSpaceOnUse">
        <path className={styles.mark} d="M-1,1 l2,-2 M0,12 l12,-12 M11,13 l2,-2" />
      </pattern>
    </defs>
  );
}
