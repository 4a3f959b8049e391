import { makeStyles } from '@fluentui/react-components';

/**
 * Text that must wrap where the pane is narrow (a Teams meeting side panel is 320 px): partner names,
 * email addresses and domains are long single words, and error messages quote them.
 */
export const useWrapStyles = makeStyles({
  /** Breaks a word anywhere rather than widen or spill out of its box; `minWidth: 0` lets a flex or grid item shrink. */
  anywhere: { minWidth: 0, overflowWrap: 'anywhere' },
  /** A Badge (20 px high by design) whose text can be longer than a line grows downwards instead of spilling onto what is below. */
  badge: { height: 'auto', minHeight: '20px', maxWidth: '100%', minWidth: 0, overflowWrap: 'anywhere', paddingTop: '1px', paddingBottom: '1px' },
  /** A short status Badge ("Op schema") on one line: a table column sized by its content is then as wide as the label. */
  oneLine: { whiteSpace: 'nowrap' },
});
