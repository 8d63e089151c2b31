import { Body1, Tab, TabList, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { useSession } from '../session';
import { Problem } from '../shell/Problem';
import { AnnualPlanPanel } from './AnnualPlanPanel';
import { CompliancePanel } from './CompliancePanel';
import { DnaPanel, FeedbackPanel, UnreachablePanel } from './OtherPanels';

type Section = 'compliance' | 'dna' | 'feedback' | 'unreachable' | 'plan';

const SECTIONS: { id: Section; title: string; organisationOnly: boolean }[] = [
  { id: 'compliance', title: 'Compliance', organisationOnly: false },
  { id: 'dna', title: 'Did not attend', organisationOnly: false },
  { id: 'unreachable', title: 'Not reachable in Teams', organisationOnly: false },
  { id: 'feedback', title: 'Feedback per topic', organisationOnly: true },
  { id: 'plan', title: 'Annual plan', organisationOnly: true },
];

/**
 * Reports. L&D administrators and MLOG members see the organisation (and the plan and feedback); a
 * line manager sees their own team. The server decides both from stored facts; this only hides
 * sections the server would refuse.
 */
export default function ReportsPage() {
  const { me } = useSession();
  const organisation = me.permissions.includes('ld-admin') || me.permissions.includes('mlog');
  const visible = SECTIONS.filter((s) => organisation || !s.organisationOnly);
  const [section, setSection] = useState<Section>('compliance');
  const [error, setError] = useState<unknown>();
  if (!organisation && me.manages === 0) {
    return (
      <main className="page" aria-labelledby="reports-title">
        <Title2 as="h1" id="reports-title">
          Reports
        </Title2>
        <Body1 as="p">Reports are for line managers, learning and development administrators and the MLOG. Your own learning is on the My learning page.</Body1>
      </main>
    );
  }
  return (
    <main className="page" aria-labelledby="reports-title">
      <Title2 as="h1" id="reports-title">
        Reports
      </Title2>
      <TabList selectedValue={section} onTabSelect={(_e, d) => (setSection(d.value as Section), setError(undefined))} aria-label="Report sections">
        {visible.map((s) => (
          <Tab key={s.id} value={s.id}>
            {s.title}
          </Tab>
        ))}
      </TabList>
      {error !== undefined && <Problem error={error} title="The export failed" />}
      <section aria-label={visible.find((s) => s.id === section)?.title}>
        {section === 'compliance' && <CompliancePanel onError={setError} />}
        {section === 'dna' && <DnaPanel onError={setError} />}
        {section === 'unreachable' && <UnreachablePanel onError={setError} />}
        {section === 'feedback' && <FeedbackPanel onError={setError} />}
        {section === 'plan' && <AnnualPlanPanel onError={setError} />}
      </section>
    </main>
  );
}
