import { Body1, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useSession } from '../session';
import { Page } from '../ui/Page';
import { SectionTabs } from '../ui/SectionTabs';
import { useLayout } from '../ui/styles';
import { EvidencePanel, ExemptionsPanel } from './QueuePanels';
import { MatrixPanel } from './MatrixPanel';
import { PeoplePanel } from './PeoplePanel';
import { ProposalsPanel } from './ProposalsPanel';
import { PassportAdminPanel } from '../passport/PassportAdminPanel';

// The import panel, loaded only when its tab is opened.
const EsrImportPanel = lazy(() => import('./EsrImportPanel'));

type Section = 'matrix' | 'people' | 'evidence' | 'exemptions' | 'proposals' | 'esr' | 'passports';

const SECTIONS: { id: Section; title: string; needs: ('ld-admin' | 'mlog')[] | 'anyone' }[] = [
  { id: 'matrix', title: 'Requirement matrix', needs: ['ld-admin'] },
  { id: 'people', title: 'People', needs: ['ld-admin'] },
  { id: 'evidence', title: 'Evidence to verify', needs: ['ld-admin'] },
  { id: 'exemptions', title: 'MLOG: exemptions', needs: ['mlog'] },
  { id: 'proposals', title: 'Local topic proposals', needs: 'anyone' },
  { id: 'esr', title: 'ESR import', needs: ['ld-admin'] },
  { id: 'passports', title: 'Passports', needs: ['ld-admin'] },
];

/**
 * Learning and development administration. The sections shown follow the person's stored
 * permissions (from /api/me); the server checks them again on every call, so hiding is only tidiness.
 */
export default function AdminPage() {
  const { me } = useSession();
  const layout = useLayout();
  const visible = SECTIONS.filter((s) => s.needs === 'anyone' || s.needs.some((p) => me.permissions.includes(p)));
  const [section, setSection] = useState<Section>(visible[0]?.id ?? 'proposals');
  return (
    <Page id="admin" title="Administration">
      {visible.length === 1 && <Body1 block as="p">You can propose a new locally mandated topic here. Matrix, people and queues are for learning and development administrators and MLOG members.</Body1>}
      <SectionTabs tabs={visible} selected={section} onSelect={setSection} label="Administration sections" />
      <section aria-label={visible.find((s) => s.id === section)?.title} className={layout.stack}>
        {section === 'matrix' && <MatrixPanel />}
        {section === 'people' && <PeoplePanel />}
        {section === 'evidence' && <EvidencePanel />}
        {section === 'exemptions' && <ExemptionsPanel />}
        {section === 'proposals' && <ProposalsPanel />}
        {section === 'passports' && <PassportAdminPanel />}
        {section === 'esr' && (
          <Suspense fallback={<Spinner label="Loading the ESR import" />}>
            <EsrImportPanel />
          </Suspense>
        )}
      </section>
    </Page>
  );
}
