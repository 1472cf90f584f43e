// An approval decision as a badge with its own icon and words.
import { Badge } from '@fluentui/react-components';
import { CheckmarkCircleRegular, KeyboardRegular, PersonAvailableRegular, ProhibitedRegular } from '@fluentui/react-icons';
import { decisionInfo, type ApprovalDecision } from './approval-draft';

const icons = { auto: CheckmarkCircleRegular, confirm: PersonAvailableRegular, 'typed-confirm': KeyboardRegular, block: ProhibitedRegular } as const;
const colors = { auto: 'success', confirm: 'informative', 'typed-confirm': 'warning', block: 'danger' } as const;

export function DecisionBadge({ decision }: { decision: ApprovalDecision }) {
  const Icon = icons[decision];
  return (
    <Badge appearance="tint" shape="rounded" color={colors[decision]} icon={<Icon />}>
      {decisionInfo[decision].label}
    </Badge>
  );
}
