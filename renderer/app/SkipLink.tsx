// First focusable element on the page: keyboard users jump past the header and
// navigation straight to the screen.
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  link: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-100px',
    zIndex: 100,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { top: tokens.spacingVerticalS },
  },
});

export function SkipLink({ targetId }: { targetId: string }) {
  const styles = useStyles();
  return (
    <a
      className={styles.link}
      href={`#${targetId}`}
      onClick={(event) => {
        // Move focus ourselves: following the fragment would put "#main" in the address bar and not focus reliably.
        event.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
