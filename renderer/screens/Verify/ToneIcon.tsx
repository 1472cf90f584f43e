// The icon beside a finding. Each tone has its own shape (check, cross, info,
// question mark) and a spoken name, so meaning never rests on colour alone.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleFilled, InfoRegular, QuestionCircleRegular } from '@fluentui/react-icons';
import { toneWords, type Tone } from './verify-view';

const useStyles = makeStyles({
  icon: { display: 'inline-flex', flexShrink: 0, fontSize: '20px', lineHeight: 1 },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  neutral: { color: tokens.colorNeutralForeground2 },
  unknown: { color: tokens.colorPaletteMarigoldForeground1 },
});

const icons = { good: CheckmarkCircleFilled, bad: ErrorCircleFilled, neutral: InfoRegular, unknown: QuestionCircleRegular } as const;

export function ToneIcon({ tone, className }: { tone: Tone; className?: string }) {
  const styles = useStyles();
  const Icon = icons[tone];
  return (
    <span role="img" aria-label={toneWords[tone]} className={mergeClasses(styles.icon, styles[tone], className)}>
      <Icon aria-hidden />
    </span>
  );
}
