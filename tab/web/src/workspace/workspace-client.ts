import { apiFetch, ApiProblem, downloadFile } from '../api';
import type {
  AddCommentRequest,
  ApplicationSummary,
  ChannelLinkResponse,
  CommentThread,
  CreateApplicationRequest,
  FieldHistoryResponse,
  FieldState,
  HubOverviewResponse,
  LifecycleRequest,
  LinkChannelRequest,
  MembersResponse,
  PresenceRequest,
  PresenceResponse,
  PublishedListResponse,
  RecordOutcomeRequest,
  Resource,
  ResourceRequest,
  ResourcesResponse,
  RestoreFieldRequest,
  SaveFieldRequest,
  SaveFieldResponse,
  SchedulePanelRequest,
  SessionContentResponse,
  SectionState,
  UpdatePracticesRequest,
  UpdateSectionRequest,
  WorkspaceDefinitions,
  WorkspaceListResponse,
  WorkspaceView,
} from '../../../shared/workspace-api';

/** The workspace API (tab/shared/workspace-api.ts), one typed function per route. */
const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;
const field = (id: string, fieldId: string) => `${ws(id)}/fields/${encodeURIComponent(fieldId)}`;

export const workspaceApi = {
  definitions: () => apiFetch<WorkspaceDefinitions>('/api/workspace-definitions'),
  list: () => apiFetch<WorkspaceListResponse>('/api/workspaces'),
  create: (body: CreateApplicationRequest) => apiFetch<ApplicationSummary>('/api/workspaces', { body }),
  byChannel: (channelId: string) => apiFetch<ChannelLinkResponse>(`/api/workspaces/by-channel/${encodeURIComponent(channelId)}`),
  linkChannel: (id: string, body: LinkChannelRequest) => apiFetch<ApplicationSummary>(`${ws(id)}/channel`, { method: 'PUT', body }),
  view: (id: string, signal?: AbortSignal) => apiFetch<WorkspaceView>(ws(id), signal ? { signal } : {}),
  updatePractices: (id: string, body: UpdatePracticesRequest) => apiFetch<ApplicationSummary>(`${ws(id)}/practices`, { method: 'PUT', body }),
  members: (id: string) => apiFetch<MembersResponse>(`${ws(id)}/members`),
  field: (id: string, fieldId: string) => apiFetch<FieldState>(field(id, fieldId)),
  saveField: (id: string, fieldId: string, body: SaveFieldRequest) => apiFetch<SaveFieldResponse>(field(id, fieldId), { method: 'PUT', body }),
  history: (id: string, fieldId: string, limit = 50) => apiFetch<FieldHistoryResponse>(`${field(id, fieldId)}/history?limit=${limit}`),
  session: (id: string, fieldId: string, sessionId: string) => apiFetch<SessionContentResponse>(`${field(id, fieldId)}/history/${encodeURIComponent(sessionId)}`),
  restore: (id: string, fieldId: string, body: RestoreFieldRequest) => apiFetch<SaveFieldResponse>(`${field(id, fieldId)}/restore`, { body }),
  updateSection: (id: string, sectionId: string, body: UpdateSectionRequest) =>
    apiFetch<SectionState>(`${ws(id)}/sections/${encodeURIComponent(sectionId)}`, { method: 'PATCH', body }),
  requestChanges: (id: string, sectionId: string, note: string) =>
    apiFetch<SectionState>(`${ws(id)}/sections/${encodeURIComponent(sectionId)}/changes-requested`, { body: { note } }),
  addComment: (id: string, body: AddCommentRequest) => apiFetch<CommentThread>(`${ws(id)}/comments`, { body }),
  resolveThread: (id: string, threadId: string) => apiFetch<CommentThread>(`${ws(id)}/comments/${encodeURIComponent(threadId)}/resolve`, { method: 'POST' }),
  reopenThread: (id: string, threadId: string) => apiFetch<CommentThread>(`${ws(id)}/comments/${encodeURIComponent(threadId)}/reopen`, { method: 'POST' }),
  lifecycle: (id: string, body: LifecycleRequest) => apiFetch<ApplicationSummary>(`${ws(id)}/lifecycle`, { body }),
  schedulePanel: (id: string, body: SchedulePanelRequest) => apiFetch<ApplicationSummary>(`${ws(id)}/panel`, { body }),
  recordOutcome: (id: string, body: RecordOutcomeRequest) => apiFetch<ApplicationSummary>(`${ws(id)}/outcome`, { body }),
  presence: (id: string, body: PresenceRequest) => apiFetch<PresenceResponse>(`${ws(id)}/presence`, { body }),
  presencePath: (id: string, clientId: string) => `${ws(id)}/presence/${encodeURIComponent(clientId)}`,
  eventsPath: (id: string, since: number) => `${ws(id)}/events?since=${since}`,
  exportDocx: (id: string, name: string) => downloadFile(`${ws(id)}/export.docx`, name),
  hubApplications: () => apiFetch<HubOverviewResponse>('/api/hub/applications'),
  published: () => apiFetch<PublishedListResponse>('/api/hub/learning-organisations'),
  resources: (sectionId?: string) => apiFetch<ResourcesResponse>(`/api/resources${sectionId ? `?sectionId=${encodeURIComponent(sectionId)}` : ''}`),
  createResource: (body: ResourceRequest) => apiFetch<Resource>('/api/resources', { body }),
  updateResource: (resourceId: string, body: ResourceRequest) => apiFetch<Resource>(`/api/resources/${encodeURIComponent(resourceId)}`, { method: 'PUT', body }),
  deleteResource: (resourceId: string) => apiFetch<{ deleted: true }>(`/api/resources/${encodeURIComponent(resourceId)}`, { method: 'DELETE' }),
};

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 403 && error.code !== 'read-only';
}

export function problemMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
