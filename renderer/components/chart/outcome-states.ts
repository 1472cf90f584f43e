// The final states of a run's accounts as the chart, its legend and its table
// show them: order (the first sits on the axis), words, colour token, and a
// fill pattern so states stay apart without colour (contrast themes, colour
// blindness).
import { tokens } from '@fluentui/react-components';
import type { RunView } from '../../../preload/contract';

export type OutcomeState = RunView['accounts'][number]['state'];

export const outcomeOrder: readonly OutcomeState[] = [
  'verified',
  'not-verified',
  'could-not-verify',
  'failed',
  'cancelled',
  'nothing-to-do',
  'not-approved',
  'blocked',
  'excluded',
  'pending',
];

export const outcomeLabels: Record<OutcomeState, string> = {
  verified: 'Verified',
  'not-verified': 'Not verified',
  'could-not-verify': 'Could not verify',
  failed: 'Failed',
  cancelled: 'Cancelled',
  'nothing-to-do': 'Nothing to do',
  'not-approved': 'Not approved',
  blocked: 'Blocked',
  excluded: 'Excluded',
  pending: 'Pending',
};

export type PatternKind = 'solid' | 'diagonal' | 'back-diagonal' | 'wide-diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical' | 'grid' | 'dashes';

// Every fill is a token that stays light in the contrast theme (palette
// "background 3" and "border active" colours, neutral strokes), and the
// patterns are drawn in the page background: so in a contrast theme, where
// all fills turn white or cyan, the patterns still tell the states apart.
export const outcomeStyle: Record<OutcomeState, { fill: string; pattern: PatternKind }> = {
  verified: { fill: tokens.colorPaletteGreenBackground3, pattern: 'solid' },
  'not-verified': { fill: tokens.colorPaletteRedBackground3, pattern: 'diagonal' },
  'could-not-verify': { fill: tokens.colorPaletteMarigoldBackground3, pattern: 'dots' },
  failed: { fill: tokens.colorPaletteDarkRedBorderActive, pattern: 'cross' },
  cancelled: { fill: tokens.colorNeutralForeground3, pattern: 'horizontal' },
  'nothing-to-do': { fill: tokens.colorNeutralStroke1, pattern: 'vertical' },
  'not-approved': { fill: tokens.colorPaletteLavenderBorderActive, pattern: 'back-diagonal' },
  blocked: { fill: tokens.colorPalettePurpleBorderActive, pattern: 'grid' },
  excluded: { fill: tokens.colorPaletteBlueBorderActive, pattern: 'wide-diagonal' },
  pending: { fill: tokens.colorPaletteYellowBackground3, pattern: 'dashes' },
};
