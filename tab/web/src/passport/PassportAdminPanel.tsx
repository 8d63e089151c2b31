import { Body1, Button, Subtitle2 } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { downloadFile } from '../api';
import type { PersonHit } from '../../../shared/admin-api';
import { problemText, type Outcome } from '../data/use-api';
import { OutcomeBar } from '../ui/OutcomeBar';
import { BringPassportPanel } from './BringPassportPanel';
import { PersonFinder } from './PersonFinder';
import { RevokeSection } from './RevokeSection';
import { TrustListSection } from './TrustListSection';
import { usePassportStyles } from './passport-styles';

/**
 * Learning and development's passports: the trust list, presenting a passport on a learner's behalf,
 * revoking one this organisation issued, and the export of records that came in passports. The server
 * checks every capability again on every call.
 */
export function PassportAdminPanel() {
  const styles = usePassportStyles();
  const [outcome, setOutcome] = useState<Outcome>();
  const [learner, setLearner] = useState<PersonHit>();
  const exportAs = (format: 'csv' | 'xlsx') => downloadFile(`/api/reports/export?report=passport-records&format=${format}`, `passport-records.${format}`).catch((e: unknown) => setOutcome({ intent: 'error', text: problemText(e) }));
  return (
    <div className={styles.details}>
      <Subtitle2 as="h2">Passports</Subtitle2>
      <OutcomeBar outcome={outcome} />
      <TrustListSection onOutcome={setOutcome} />
      <section aria-labelledby="present-for-title" className={styles.panel}>
        <Subtitle2 as="h3" id="present-for-title" className={styles.heading}>
          Present a passport on a learner’s behalf
        </Subtitle2>
        <PersonFinder label="For whom" onChoose={setLearner} />
        {learner && <BringPassportPanel key={learner.staffId} learnerId={learner.staffId} learnerName={learner.name} headingLevel="h3" />}
      </section>
      <RevokeSection onOutcome={setOutcome} />
      <section aria-labelledby="passport-records-title" className={styles.panel}>
        <Subtitle2 as="h3" id="passport-records-title" className={styles.heading}>
          Records from learning passports
        </Subtitle2>
        <Body1 as="p" className={styles.intro}>Every record that came in a passport, with where it came from.</Body1>
        <div className={styles.row}>
          <Button icon={<ArrowDownloadRegular />} onClick={() => void exportAs('csv')}>Export as CSV</Button>
          <Button icon={<ArrowDownloadRegular />} onClick={() => void exportAs('xlsx')}>Export as Excel</Button>
        </div>
      </section>
    </div>
  );
}
