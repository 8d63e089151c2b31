import { Avatar, Badge, Body1, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { MAX_FIELD_CHARS } from '../../../shared/workspace-api';
import type { FieldDefinition, Member, SectionDefinition, SectionState, WorkspaceView } from '../../../shared/workspace-api';
import { formatDateTime } from './countdown';
import { CommentsPanel } from './CommentsPanel';
import { FieldEditor } from './FieldEditor';
import { HistoryDrawer } from './HistoryDrawer';
import { STATUS_COLOR, STATUS_LABEL } from './labels';
import { ResourcesPanel } from './ResourcesPanel';
import { RequestChangesButton, SectionMeta } from './SectionMeta';
import type { WorkspaceStore } from './use-workspace';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(260px, 340px)',
    gap: tokens.spacingHorizontalXXL,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  aside: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  prompts: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  here: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface SectionViewProps {
  appId: string;
  def: SectionDefinition;
  view: WorkspaceView;
  store: WorkspaceStore;
  members: Member[];
  myClientId: string;
  onFocusField: (fieldId: string | undefined) => void;
}

/** One section: who owns it and its state, the hub's feedback, its guidance, its fields, and beside them the hub's resources and the comments. */
export function SectionView({ appId, def, view, store, members, myClientId, onFocusField }: SectionViewProps) {
  const styles = useStyles();
  const [history, setHistory] = useState<FieldDefinition>();
  const [opened, setOpened] = useState(0);
  const [commentAnchor, setCommentAnchor] = useState<{ fieldId: string; anchor: { start: unknown; end: unknown; quote: string } }>();
  const { docs } = store;
  // The section's live documents: from this browser's store at once, then from the server.
  useEffect(() => {
    if (!docs) return;
    let cancelled = false;
    const opening = docs.open(def.id, def.fields.map((f) => f.id));
    // Documents exist (from the local store) before the server answers; show them as soon as they do.
    const shown = setTimeout(() => !cancelled && setOpened((n) => n + 1), 0);
    void opening.finally(() => !cancelled && setOpened((n) => n + 1));
    return () => {
      cancelled = true;
      clearTimeout(shown);
    };
  }, [docs, def]);
  void opened;
  const section: SectionState = view.sections[def.id] ?? { sectionId: def.id, status: 'not-started' };
  const here = view.presence.filter((p) => p.sectionId === def.id && p.clientId !== myClientId);
  const headingId = `section-${def.id}-title`;
  // While the hub has the application, its text is locked (the server refuses saves with wrong-stage; this only says so up front).
  const stage = view.application.lifecycle.stage;
  const withHub = stage === 'submitted' || stage === 'panel-scheduled';
  const canEditFields = view.me.canEdit && !withHub;
  return (
    <div className={styles.layout}>
      <section className={styles.main} aria-labelledby={headingId}>
        <div className={styles.head}>
          <Title3 block as="h2" id={headingId}>
            {def.number}. {def.title}
          </Title3>
          <Badge appearance="filled" color={STATUS_COLOR[section.status]}>
            {STATUS_LABEL[section.status]}
          </Badge>
        </div>
        {here.length > 0 && (
          <div className={styles.here} aria-label="Also in this section">
            {here.map((p) => (
              <span key={p.clientId} className={styles.here}>
                <Avatar size={24} name={p.person.name} aria-hidden />
                <Caption1>
                  {p.person.name} {p.mode === 'editing' ? 'is editing' : 'is viewing'}
                </Caption1>
              </span>
            ))}
          </div>
        )}
        {section.changesRequested && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Changes requested by {section.changesRequested.by.name}</MessageBarTitle>
              {section.changesRequested.note} <Caption1>({formatDateTime(section.changesRequested.at)})</Caption1>
            </MessageBarBody>
          </MessageBar>
        )}
        <SectionMeta appId={appId} section={section} practices={view.application.practices} members={members} canEdit={view.me.canEdit} onSaved={store.applySection} />
        {view.me.canReview && <div><RequestChangesButton appId={appId} sectionId={def.id} title={def.title} onSaved={store.applySection} /></div>}
        {def.intro && <Body1 block as="p">{def.intro}</Body1>}
        {def.prompts.length > 0 && (
          <details open={def.group === 'domain'}>
            <summary>Guidance prompts</summary>
            <ul className={styles.prompts}>
              {def.prompts.map((p) => (
                <li key={p}>
                  <Body1>{p}</Body1>
                </li>
              ))}
            </ul>
          </details>
        )}
        {!canEditFields && (
          <MessageBar intent="info">
            <MessageBarBody>
              {!view.me.canEdit
                ? 'You are reviewing: you can comment and request changes, not edit.'
                : 'The application is with the training hub, so its text is locked. It opens again if the hub sends it back or the submission is withdrawn.'}
            </MessageBarBody>
          </MessageBar>
        )}
        <div>
          {def.fields.map((field) => (
            <FieldEditor
              key={field.id}
              def={field}
              doc={docs?.doc(field.id)}
              awareness={docs?.awareness(field.id)}
              me={{ staffId: view.me.staffId, name: view.me.name }}
              canEdit={canEditFields}
              maxChars={MAX_FIELD_CHARS}
              others={view.presence.filter((p) => p.fieldId === field.id && p.clientId !== myClientId)}
              threads={view.comments.filter((t) => t.fieldId === field.id && t.anchor && !t.resolved).map((t) => ({ id: t.id, start: t.anchor!.start, end: t.anchor!.end }))}
              onCommentOnSelection={view.me.canComment ? (fieldId, anchor) => setCommentAnchor({ fieldId, anchor }) : undefined}
              onFocusChange={onFocusField}
              onOpenHistory={setHistory}
            />
          ))}
        </div>
      </section>
      <aside className={styles.aside} aria-label="Resources and comments">
        <ResourcesPanel sectionId={def.id} resources={view.resources} />
        <CommentsPanel
          appId={appId}
          sectionId={def.id}
          threads={view.comments}
          members={members}
          canComment={view.me.canComment}
          onThread={store.applyThread}
          anchor={commentAnchor}
          onAnchorDone={() => setCommentAnchor(undefined)}
        />
      </aside>
      {history && (
        <HistoryDrawer appId={appId} def={history} current={view.fields[history.id]} canEdit={canEditFields} onClose={() => setHistory(undefined)} onRestored={(f) => store.applyFields([f])} />
      )}
    </div>
  );
}
