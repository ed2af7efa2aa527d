import type { ActionsBlock } from '@slack/types';
import { defineButton } from '../../command.ts';

/** The metrics message's Graph button: its value is the `/cw` text to run with `--graph`. */
export const GRAPH_ACTION = 'cw_metrics_graph';

/** The button on an answer: `commandText` is the `/cw` text that draws its graph. */
export function graphButton(commandText: string): ActionsBlock {
  return {
    type: 'actions',
    elements: [
      { type: 'button', action_id: GRAPH_ACTION, text: { type: 'plain_text', text: 'Graph' }, value: commandText },
    ],
  };
}

/** A press runs the button's `/cw` text again, under the access rule of the command that text names. */
export const METRICS_BUTTONS = [defineButton({ actionId: GRAPH_ACTION, rerun: '/cw' })];
