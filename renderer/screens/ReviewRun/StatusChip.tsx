// A row's status as a small badge: an icon and a word, never colour alone.
import { Badge, type BadgeProps } from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowSyncRegular,
  CheckmarkCircleRegular,
  CircleRegular,
  DismissCircleRegular,
  ErrorCircleRegular,
  ProhibitedRegular,
  QuestionCircleRegular,
  ShieldCheckmarkRegular,
  ShieldDismissRegular,
  SubtractCircleRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { RowStatus } from './run-model';
import { rowStatusText, type StatusTone } from './status-text';

const toneColour: Record<StatusTone, BadgeProps['color']> = {
  neutral: 'informative',
  busy: 'brand',
  good: 'success',
  bad: 'danger',
  warning: 'warning',
  muted: 'subtle',
};

const icons: Record<RowStatus, ReactElement> = {
  'not-approved': <SubtractCircleRegular />,
  blocked: <ProhibitedRegular />,
  pending: <CircleRegular />,
  running: <ArrowSyncRegular />,
  retrying: <ArrowClockwiseRegular />,
  done: <CheckmarkCircleRegular />,
  failed: <ErrorCircleRegular />,
  cancelled: <DismissCircleRegular />,
  'nothing-to-do': <SubtractCircleRegular />,
  verified: <ShieldCheckmarkRegular />,
  'not-verified': <ShieldDismissRegular />,
  'could-not-verify': <QuestionCircleRegular />,
};

export function StatusChip({ status }: { status: RowStatus }) {
  const text = rowStatusText[status];
  return (
    <Badge appearance="tint" shape="rounded" size="medium" color={toneColour[text.tone]} icon={icons[status]}>
      {text.label}
    </Badge>
  );
}
