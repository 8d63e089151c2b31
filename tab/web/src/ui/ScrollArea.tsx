import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowRight16Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  frame: { position: 'relative', minWidth: 0, maxWidth: '100%' },
  scroller: { overflow: 'auto', maxWidth: '100%', position: 'relative', ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  // A shadow on the side that has more: the cue that the table goes on beyond the edge.
  shadeEnd: { position: 'absolute', insetBlock: 0, insetInlineEnd: 0, width: '24px', pointerEvents: 'none', backgroundImage: `linear-gradient(to left, ${tokens.colorNeutralShadowKey}, transparent)` },
  shadeStart: { position: 'absolute', insetBlock: 0, insetInlineStart: 0, width: '24px', pointerEvents: 'none', backgroundImage: `linear-gradient(to right, ${tokens.colorNeutralShadowKey}, transparent)` },
  cue: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
});

/**
 * Content wider than the page scrolls inside this box, never the page: a shadow shows on the side
 * where there is more, with the words "scroll sideways for more" while there is, and the box can be
 * scrolled with the keyboard (it takes focus).
 */
export function ScrollArea({ label, children, className, scrollerClassName }: { label: string; children: ReactNode; className?: string; scrollerClassName?: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ start: false, end: false });
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const max = box.scrollWidth - box.clientWidth;
      setEdges({ start: box.scrollLeft > 1, end: max - box.scrollLeft > 1 });
    };
    measure();
    box.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => {
      box.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, []);
  return (
    <div className={mergeClasses(styles.frame, className)}>
      {edges.end && (
        <Caption1 className={styles.cue} aria-hidden>
          Scroll sideways for more <ArrowRight16Regular />
        </Caption1>
      )}
      <div className={styles.frame}>
        <div ref={ref} className={mergeClasses(styles.scroller, scrollerClassName)} tabIndex={0} role="region" aria-label={label}>
          {children}
        </div>
        {edges.start && <div className={styles.shadeStart} />}
        {edges.end && <div className={styles.shadeEnd} />}
      </div>
    </div>
  );
}
