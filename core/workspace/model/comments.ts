/** Comment threads, on a section, a field or a range of a long answer. */
import type { PersonRef } from './application-types.js';


export interface Comment {
  id: string;
  author: PersonRef;
  text: string;
  mentions: PersonRef[];
  at: string;
}

/** A comment on a range of a long answer: Yjs relative positions (JSON), so it stays on the same words as the text changes. */
export interface CommentAnchor {
  start?: unknown;
  end?: unknown;
  /** The words commented on, when the comment was made. */
  quote: string;
}

export interface CommentThread {
  id: string;
  sectionId: string;
  fieldId?: string;
  anchor?: CommentAnchor;
  /** `changes-requested` threads are a hub reviewer's request on a section. */
  kind: 'comment' | 'changes-requested';
  comments: Comment[];
  resolved?: { by: PersonRef; at: string };
  createdAt: string;
}
