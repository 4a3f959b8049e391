import { makeStyles, mergeClasses, Table, tokens, type TableProps } from '@fluentui/react-components';
import { useEffect, useRef, useState, type RefObject } from 'react';

const useStyles = makeStyles({
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
  },
  // Fluent's table divides its width evenly over the columns (`table-layout: fixed`): a long label then runs
  // over the figures beside it. Sized by their content, columns are never narrower than their longest word.
  table: { tableLayout: 'auto' },
});

/** Whether the element's content is wider than the element (it scrolls sideways), followed as either resizes. */
function useScrollsSideways(ref: RefObject<HTMLElement>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setScrolls(element.scrollWidth > element.clientWidth));
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}

/**
 * An overview table whose columns fit their content. Wider than the tab (a narrow window), it scrolls
 * sideways inside its own region rather than widen the page; that region is then named and takes focus,
 * so that a keyboard can scroll it too.
 */
export function WideTable({ className, ...props }: TableProps) {
  const styles = useStyles();
  const region = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(region);
  return (
    <div
      ref={region}
      className={styles.scroll}
      {...(scrolls ? { role: 'region', tabIndex: 0, 'aria-label': props['aria-label'], 'aria-labelledby': props['aria-labelledby'] } : {})}
    >
      <Table {...props} className={mergeClasses(styles.table, className)} />
    </div>
  );
}
