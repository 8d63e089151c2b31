import type { Catalogue, RoleDefinition, Subject, Topic } from './types.js';

/** Fast look-ups over a catalogue: by subject, by (subject, level), by role. */
export class CatalogueIndex {
  private readonly subjects = new Map<string, Subject>();
  private readonly topicsBySubject = new Map<string, Topic[]>();
  private readonly topics = new Map<string, Topic>();
  private readonly roles = new Map<string, RoleDefinition>();

  constructor(readonly catalogue: Catalogue) {
    for (const subject of catalogue.subjects) this.subjects.set(subject.id, subject);
    for (const topic of catalogue.topics) {
      this.topics.set(topic.id, topic);
      const list = this.topicsBySubject.get(topic.subjectId) ?? [];
      list.push(topic);
      list.sort((a, b) => a.level - b.level);
      this.topicsBySubject.set(topic.subjectId, list);
    }
    for (const role of catalogue.roles) this.roles.set(role.id, role);
  }

  subject(id: string): Subject | undefined {
    return this.subjects.get(id);
  }

  topic(id: string): Topic | undefined {
    return this.topics.get(id);
  }

  role(id: string): RoleDefinition | undefined {
    return this.roles.get(id);
  }

  /** The topic of a subject at a level; when that exact level is not defined, the nearest level above. */
  topicFor(subjectId: string, level: number): Topic | undefined {
    const levels = this.topicsBySubject.get(subjectId);
    if (!levels) return undefined;
    return levels.find((t) => t.level === level) ?? levels.find((t) => t.level > level) ?? levels[levels.length - 1];
  }

  levelsOf(subjectId: string): Topic[] {
    return this.topicsBySubject.get(subjectId) ?? [];
  }

  subjectName(id: string): string {
    return this.subjects.get(id)?.name ?? id;
  }

  topicLabel(subjectId: string, level: number): string {
    const topic = this.topicFor(subjectId, level);
    const name = this.subjectName(subjectId);
    return topic && this.levelsOf(subjectId).length > 1 ? `${name} (${topic.levelName})` : name;
  }

  roleName(id: string): string {
    return this.roles.get(id)?.name ?? id;
  }
}
