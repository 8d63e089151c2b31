import { makeStyles, mergeClasses, Subtitle1, Subtitle2, Title2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useLayout } from './styles';

/** A page: one main landmark named by its h1. */
export function Page({ id, title, children, narrow }: { id: string; title: ReactNode; children: ReactNode; narrow?: boolean }) {
  const layout = useLayout();
  return (
    <main className={mergeClasses(layout.page, narrow && layout.narrowPage)} aria-labelledby={`${id}-title`}>
      <Title2 block as="h1" id={`${id}-title`}>
        {title}
      </Title2>
      {children}
    </main>
  );
}

const useStyles = makeStyles({ heading: { margin: 0 } });

/** A section of a page, its heading on a line of its own. */
export function Section({ id, title, children, level = 2, actions }: { id: string; title: ReactNode; children: ReactNode; level?: 2 | 3; actions?: ReactNode }) {
  const layout = useLayout();
  const styles = useStyles();
  const Heading = level === 2 ? Subtitle1 : Subtitle2;
  return (
    <section className={layout.section} aria-labelledby={id}>
      <div className={layout.toolbar}>
        <Heading block as={level === 2 ? 'h2' : 'h3'} id={id} className={styles.heading}>
          {title}
        </Heading>
        {actions}
      </div>
      {children}
    </section>
  );
}
