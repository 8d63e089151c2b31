import { Badge, Caption1, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Resource, ResourceKind } from '../../../shared/workspace-api';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export const RESOURCE_KIND_LABEL: Record<ResourceKind, string> = {
  exemplar: 'Exemplar',
  checklist: 'Checklist',
  'welcome-letter': 'Welcome letter',
  induction: 'Induction',
  guidance: 'Guidance',
};

/** The hub's resources that help with this section (and those for the whole application). */
export function ResourcesPanel({ sectionId, resources }: { sectionId: string | undefined; resources: Resource[] }) {
  const styles = useStyles();
  const shown = resources.filter((r) => r.sectionIds.length === 0 || (sectionId !== undefined && r.sectionIds.includes(sectionId)));
  return (
    <section aria-labelledby={`resources-${sectionId ?? 'all'}`}>
      <Subtitle2 block as="h3" id={`resources-${sectionId ?? 'all'}`}>
        From the training hub
      </Subtitle2>
      {shown.length === 0 ? (
        <Caption1 block as="p">No resources for this section yet.</Caption1>
      ) : (
        <ul className={styles.list}>
          {shown.map((r) => (
            <li key={r.id} className={styles.item}>
              <span>
                <Badge appearance="outline" size="small">
                  {RESOURCE_KIND_LABEL[r.kind]}
                </Badge>{' '}
                <Link href={r.url} target="_blank" rel="noreferrer">
                  {r.title}
                </Link>
              </span>
              {r.description && <Caption1>{r.description}</Caption1>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
