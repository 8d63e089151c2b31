import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useSession } from '../session';
import { Problem } from '../shell/Problem';
import { Page } from '../ui/Page';
import { SectionTabs } from '../ui/SectionTabs';
import { useLayout } from '../ui/styles';
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
 * sections the server would refuse. Unsaved changes to the annual plan are never lost silently:
 * leaving its tab (or the page) asks first.
 */
export default function ReportsPage() {
  const { me } = useSession();
  const layout = useLayout();
  const organisation = me.permissions.includes('ld-admin') || me.permissions.includes('mlog');
  const visible = SECTIONS.filter((s) => organisation || !s.organisationOnly);
  const [section, setSection] = useState<Section>('compliance');
  const [error, setError] = useState<unknown>();
  const [dirty, setDirty] = useState(false);
  const [leavingTo, setLeavingTo] = useState<Section>();

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  if (!organisation && me.manages === 0) {
    return (
      <Page id="reports" title="Reports">
        <Body1 block as="p">Reports are for line managers, learning and development administrators and the MLOG. Your own learning is on the My learning page.</Body1>
      </Page>
    );
  }
  const go = (next: Section) => {
    setError(undefined);
    setSection(next);
    if (next !== 'plan') setDirty(false);
  };
  return (
    <Page id="reports" title="Reports">
      <SectionTabs tabs={visible} selected={section} label="Report sections" onSelect={(next) => (next === section ? undefined : dirty ? setLeavingTo(next) : go(next))} />
      {error !== undefined && <Problem error={error} title="The export failed" />}
      <section aria-label={visible.find((s) => s.id === section)?.title} className={layout.stack}>
        {section === 'compliance' && <CompliancePanel onError={setError} />}
        {section === 'dna' && <DnaPanel onError={setError} />}
        {section === 'unreachable' && <UnreachablePanel onError={setError} />}
        {section === 'feedback' && <FeedbackPanel onError={setError} />}
        {section === 'plan' && <AnnualPlanPanel onError={setError} onDirtyChange={setDirty} />}
      </section>
      <Dialog open={leavingTo !== undefined} onOpenChange={(_e, d) => !d.open && setLeavingTo(undefined)}>
        <DialogSurface className={layout.dialog}>
          <DialogBody>
            <DialogTitle>Leave the annual plan without saving?</DialogTitle>
            <DialogContent>
              <Body1 block as="p">You have changed the annual plan since it was last saved. If you leave now, those changes are lost.</Body1>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setLeavingTo(undefined)}>
                Stay and save
              </Button>
              <Button
                onClick={() => {
                  const next = leavingTo!;
                  setLeavingTo(undefined);
                  go(next);
                }}
              >
                Discard my changes
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Page>
  );
}
