import {
  Avatar,
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Subtitle2,
  Switch,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle16Regular, Mention16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CommentThread, Member } from '../../../shared/workspace-api';
import { Problem } from '../shell/Problem';
import { formatDateTime } from './countdown';
import { workspaceApi } from './workspace-client';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  threads: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  thread: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  changes: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  comment: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  mention: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  quote: { margin: 0, fontStyle: 'italic', borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteYellowBorderActive}`, paddingLeft: tokens.spacingHorizontalS },
  anchored: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
});

/** Shows a comment's text with its @mentions marked. */
function CommentText({ text, names }: { text: string; names: string[] }) {
  const styles = useStyles();
  if (!names.length) return <p className={styles.text}>{text}</p>;
  const pattern = new RegExp(`(${names.map((n) => `@${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('|')})`, 'g');
  return (
    <p className={styles.text}>
      {text.split(pattern).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className={styles.mention}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </p>
  );
}

/** A comment box with an @mention picker; only mentions still present in the text are sent. */
function Composer({ label, members, submitLabel, onSubmit }: { label: string; members: Member[]; submitLabel: string; onSubmit: (text: string, mentions: string[]) => Promise<void> }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Member[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(
        text.trim(),
        picked.filter((m) => text.includes(`@${m.name}`)).map((m) => m.staffId),
      );
      setText('');
      setPicked([]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.panel}>
      <Field label={label}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
      </Field>
      {error !== undefined && <Problem error={error} title="Comment not posted" />}
      <div className={styles.actions}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<Mention16Regular />} disabled={!members.length}>
              Mention someone
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {members.map((m) => (
                <MenuItem
                  key={m.staffId}
                  onClick={() => {
                    setText((t) => `${t}${t && !t.endsWith(' ') ? ' ' : ''}@${m.name} `);
                    setPicked((p) => (p.some((x) => x.staffId === m.staffId) ? p : [...p, m]));
                  }}
                >
                  {m.name} <Caption1>· {m.orgUnit.split(' / ').pop()}</Caption1>
                </MenuItem>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button appearance="primary" disabled={busy || !text.trim()} onClick={() => void submit()}>
          {busy ? 'Posting…' : submitLabel}
        </Button>
      </div>
    </div>
  );
}

/** A section's comment threads (hub reviewers' "changes requested" among them): reply, @mention, resolve, reopen. */
export function CommentsPanel({
  appId,
  sectionId,
  threads,
  members,
  canComment,
  onThread,
  anchor,
  onAnchorDone,
}: {
  appId: string;
  sectionId: string;
  threads: CommentThread[];
  members: Member[];
  canComment: boolean;
  onThread: (t: CommentThread) => void;
  /** A range of a long answer chosen to comment on (from the editor's "Comment on selection"). */
  anchor?: { fieldId: string; anchor: { start: unknown; end: unknown; quote: string } } | undefined;
  onAnchorDone?: () => void;
}) {
  const styles = useStyles();
  const [showResolved, setShowResolved] = useState(false);
  const [error, setError] = useState<unknown>();
  const mine = threads.filter((t) => t.sectionId === sectionId);
  const open = mine.filter((t) => !t.resolved);
  const shown = showResolved ? mine : open;
  const names = members.map((m) => m.name);
  const act = (p: Promise<CommentThread>) => p.then(onThread, setError);

  return (
    <section className={styles.panel} aria-labelledby={`comments-${sectionId}`}>
      <Subtitle2 block as="h3" id={`comments-${sectionId}`}>
        Comments ({open.length} open)
      </Subtitle2>
      {mine.length > open.length && <Switch label={`Show resolved (${mine.length - open.length})`} checked={showResolved} onChange={(_, d) => setShowResolved(d.checked)} />}
      {error !== undefined && <Problem error={error} title="Could not update the thread" />}
      {shown.length === 0 && <Caption1>No open comments on this section.</Caption1>}
      <ul className={styles.threads}>
        {shown.map((thread) => (
          <li key={thread.id} className={`${styles.thread} ${thread.kind === 'changes-requested' ? styles.changes : ''}`}>
            {thread.anchor && (
              <Caption1 block as="p" className={styles.quote}>
                On “{thread.anchor.quote}”
              </Caption1>
            )}
            {thread.kind === 'changes-requested' && (
              <Badge appearance="tint" color="warning">
                Changes requested by the training hub
              </Badge>
            )}
            {thread.comments.map((c) => (
              <div key={c.id} className={styles.comment}>
                <Avatar size={24} name={c.author.name} aria-hidden />
                <div>
                  <Body1>
                    <strong>{c.author.name}</strong>
                  </Body1>{' '}
                  <Caption1>{formatDateTime(c.at)}</Caption1>
                  <CommentText text={c.text} names={names} />
                </div>
              </div>
            ))}
            {thread.resolved ? (
              <div className={styles.actions}>
                <Caption1>
                  <CheckmarkCircle16Regular aria-hidden /> Resolved by {thread.resolved.by.name}, {formatDateTime(thread.resolved.at)}
                </Caption1>
                {canComment && (
                  <Button size="small" onClick={() => void act(workspaceApi.reopenThread(appId, thread.id))}>
                    Reopen
                  </Button>
                )}
              </div>
            ) : (
              canComment && (
                <>
                  <Composer label="Reply" members={members} submitLabel="Reply" onSubmit={(text, mentions) => workspaceApi.addComment(appId, { threadId: thread.id, text, mentions }).then(onThread)} />
                  <div className={styles.actions}>
                    <Button size="small" icon={<CheckmarkCircle16Regular />} onClick={() => void act(workspaceApi.resolveThread(appId, thread.id))}>
                      Resolve
                    </Button>
                  </div>
                </>
              )
            )}
          </li>
        ))}
      </ul>
      {canComment && anchor && (
        <div className={styles.anchored}>
          <Caption1 block as="p" className={styles.quote}>
            Commenting on “{anchor.anchor.quote}”
          </Caption1>
          <Composer
            label="Comment on the selected text"
            members={members}
            submitLabel="Post comment"
            onSubmit={(text, mentions) =>
              workspaceApi.addComment(appId, { sectionId, fieldId: anchor.fieldId, anchor: anchor.anchor, text, mentions }).then((t) => {
                onThread(t);
                onAnchorDone?.();
              })
            }
          />
          <Button size="small" onClick={onAnchorDone}>
            Cancel
          </Button>
        </div>
      )}
      {canComment && <Composer label="New comment on this section" members={members} submitLabel="Post comment" onSubmit={(text, mentions) => workspaceApi.addComment(appId, { sectionId, text, mentions }).then(onThread)} />}
    </section>
  );
}
