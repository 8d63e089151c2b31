import { Button, makeStyles, tokens, Toolbar, ToolbarButton, ToolbarDivider, Tooltip } from '@fluentui/react-components';
import {
  CommentAdd20Regular,
  LinkEdit20Regular,
  TextBold20Regular,
  TextBulletListLtr20Regular,
  TextHeader220Regular,
  TextItalic20Regular,
  TextNumberListLtr20Regular,
} from '@fluentui/react-icons';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { CharacterCount } from '@tiptap/extensions';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { cursorColour, type FieldAwareness } from '../../../../shared/live/field-awareness';
import { CommentAnchors, refreshAnchors, selectionAnchor, type AnchoredThread } from './comment-anchors';

const useStyles = makeStyles({
  frame: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-within': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  toolbar: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, flexWrap: 'wrap' },
  content: {
    minHeight: '8em',
    paddingInline: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground1,
    '& .ProseMirror': { outline: 'none', minHeight: '8em', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
    '& a': { color: tokens.colorBrandForegroundLink },
    '& .comment-anchor': { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
    // Other people's carets: a thin line in their colour with their name above it.
    '& .collaboration-carets__caret': { position: 'relative', borderLeft: '2px solid', marginLeft: '-1px', marginRight: '-1px', pointerEvents: 'none', wordBreak: 'normal' },
    '& .collaboration-carets__label': {
      position: 'absolute',
      top: '-1.4em',
      left: '-2px',
      fontSize: tokens.fontSizeBase100,
      fontWeight: tokens.fontWeightSemibold,
      lineHeight: tokens.lineHeightBase100,
      color: '#ffffff',
      padding: '0 4px',
      borderRadius: tokens.borderRadiusSmall,
      whiteSpace: 'nowrap',
      userSelect: 'none',
    },
  },
});

export interface RichTextEditorProps {
  label: string;
  doc: Y.Doc;
  awareness: FieldAwareness;
  me: { staffId: string; name: string };
  editable: boolean;
  maxChars: number;
  threads: AnchoredThread[];
  onCommentOnSelection?: ((anchor: { start: unknown; end: unknown; quote: string }) => void) | undefined;
  onLength: (chars: number) => void;
}

/**
 * A long answer: rich text (paragraphs, headings, bulleted and numbered lists, bold, italic, links)
 * edited live with Tiptap on the field's Yjs document; others' carets and selections show in their
 * colour with their name. The labels are decorations outside the text flow and never take focus;
 * the toolbar is one tab stop (arrow keys move within it), and every command has its usual shortcut.
 */
export function RichTextEditor({ label, doc, awareness, me, editable, maxChars, threads, onCommentOnSelection, onLength }: RichTextEditorProps) {
  const styles = useStyles();
  const threadsRef = useRef(threads);
  threadsRef.current = threads;
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          undoRedo: false,
          blockquote: false,
          codeBlock: false,
          code: false,
          horizontalRule: false,
          strike: false,
          underline: false,
          heading: { levels: [1, 2, 3] },
          link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['mailto'] },
        }),
        Collaboration.configure({ document: doc, field: 'content' }),
        CollaborationCaret.configure({ provider: { awareness }, user: { name: me.name, color: cursorColour(me.staffId) } }),
        CharacterCount.configure({ limit: maxChars }),
        CommentAnchors.configure({ threads: () => threadsRef.current }),
      ],
      editable,
      editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', spellcheck: 'true' } },
    },
    [doc, awareness],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    if (editor) refreshAnchors(editor.view);
  }, [editor, threads]);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      heading: e?.isActive('heading', { level: 2 }) ?? false,
      bullets: e?.isActive('bulletList') ?? false,
      numbers: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
      chars: e?.storage.characterCount.characters() ?? 0,
      selected: e ? !e.state.selection.empty : false,
    }),
  });
  useEffect(() => onLength(state?.chars ?? 0), [state?.chars, onLength]);
  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const previous = (editor.getAttributes('link').href as string | undefined) ?? '';
    const href = window.prompt('Link address (https://…); empty to remove the link', previous);
    if (href === null) return;
    if (href.trim() === '') chain().extendMarkRange('link').unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
  };
  const tool = (name: string, icon: React.ReactElement, on: boolean, run: () => void, shortcut?: string) => (
    <Tooltip content={shortcut ? `${name} (${shortcut})` : name} relationship="label">
      <ToolbarButton aria-pressed={on} appearance={on ? 'primary' : 'subtle'} icon={icon} onClick={run} disabled={!editable} />
    </Tooltip>
  );
  return (
    <div className={styles.frame}>
      {(editable || onCommentOnSelection) && (
        <Toolbar aria-label={`Formatting: ${label}`} size="small" className={styles.toolbar}>
          {editable && (
            <>
              {tool('Bold', <TextBold20Regular />, state?.bold ?? false, () => chain().toggleBold().run(), 'Ctrl+B')}
              {tool('Italic', <TextItalic20Regular />, state?.italic ?? false, () => chain().toggleItalic().run(), 'Ctrl+I')}
              {tool('Heading', <TextHeader220Regular />, state?.heading ?? false, () => chain().toggleHeading({ level: 2 }).run(), 'Ctrl+Alt+2')}
              <ToolbarDivider />
              {tool('Bulleted list', <TextBulletListLtr20Regular />, state?.bullets ?? false, () => chain().toggleBulletList().run(), 'Ctrl+Shift+8')}
              {tool('Numbered list', <TextNumberListLtr20Regular />, state?.numbers ?? false, () => chain().toggleOrderedList().run(), 'Ctrl+Shift+7')}
              {tool('Link', <LinkEdit20Regular />, state?.link ?? false, setLink)}
            </>
          )}
          {onCommentOnSelection && (
            <>
              {editable && <ToolbarDivider />}
              <Button
                size="small"
                appearance="subtle"
                icon={<CommentAdd20Regular />}
                disabled={!state?.selected}
                onClick={() => {
                  const anchor = selectionAnchor(editor.state);
                  if (anchor) onCommentOnSelection(anchor);
                }}
              >
                Comment on selection
              </Button>
            </>
          )}
        </Toolbar>
      )}
      <EditorContent editor={editor} className={styles.content} />
    </div>
  );
}
