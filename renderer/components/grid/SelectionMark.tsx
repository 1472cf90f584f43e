// The check box drawn in a selectable row. Presentation only: the row carries
// aria-selected, and the box is not a tab stop (thousands of them would be).
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkFilled } from '@fluentui/react-icons';

const useStyles = makeStyles({
  box: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '16px',
    height: '16px',
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForegroundInverted,
    fontSize: '12px',
  },
  checked: {
    backgroundColor: tokens.colorCompoundBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorCompoundBrandBackground}`,
    // The row around it is Highlight when selected: draw the box inverted so it still shows.
    '@media (forced-colors: active)': { backgroundColor: 'HighlightText', color: 'Highlight', border: '1px solid HighlightText', forcedColorAdjust: 'none' },
  },
});

export function SelectionMark({ checked }: { checked: boolean }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.box, checked && styles.checked)} aria-hidden>
      {checked && <CheckmarkFilled />}
    </span>
  );
}
