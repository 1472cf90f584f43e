// The public key (JWK) of an Okta private-key connection, to paste into the
// Okta service app. Public by nature: safe to show and copy.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CopyButton } from './CopyButton';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  key: {
    margin: 0,
    maxHeight: '160px',
    overflow: 'auto',
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function PublicKeyBlock({ jwk }: { jwk: string }) {
  const styles = useStyles();
  let pretty = jwk;
  try {
    pretty = JSON.stringify(JSON.parse(jwk), null, 2);
  } catch {
    // Show it as it came.
  }
  return (
    <div className={styles.block}>
      <div className={styles.row}>
        <Text weight="semibold">Public key (JWK)</Text>
        <CopyButton text={jwk} label="Copy public key" />
      </div>
      <Text size={200}>In the Okta admin console: Applications, the Rekey service app, General, Client credentials, Public keys, Add key: paste this key.</Text>
      <pre className={styles.key} tabIndex={0} aria-label="Public key (JWK)">
        {pretty}
      </pre>
    </div>
  );
}
