import { apiFetch, authHeader, downloadFile, ApiProblem } from '../api';
import type { IssueAnswer, PassportMessage, PassportView, PresentAnswer, TrustedIssuer, TrustListAnswer } from '../../../shared/passport-api';

/**
 * The passport routes as the tab calls them (tab/shared/passport-api.ts). Presenting answers with a
 * PresentAnswer whatever its status (transferred 200, queued 202, refused 422/413, unreachable 503):
 * each is an outcome to show, not a failure of the call; only 4xx without one (not allowed, no such
 * person, bad request) is a problem.
 */
export const passportApi = {
  issue: (subjectIds?: string[]) => apiFetch<IssueAnswer>('/api/passport', { body: subjectIds ? { subjectIds } : {} }),
  mine: () => apiFetch<{ passports: PassportView[] }>('/api/passport/mine'),
  pdf: (passportId: string) => downloadFile(`/api/passport/${passportId}/pdf`, `learning-passport-${passportId.slice(0, 8)}.pdf`),
  /** The QR code of a stored passport's link, as an object URL (the image needs the bearer token). */
  qr: async (passportId: string) => {
    const response = await fetch(`/api/passport/${passportId}/qr.png`, { headers: { Authorization: await authHeader() } });
    if (!response.ok) throw new ApiProblem(response.status, 'http-error', 'The QR code could not be loaded.');
    return URL.createObjectURL(await response.blob());
  },
  presentText: (text: string, learnerId?: string) => present(JSON.stringify({ text }), 'application/json', learnerId),
  presentFile: async (file: File, learnerId?: string) => present(await file.arrayBuffer(), file.type || 'application/octet-stream', learnerId),
  trustList: () => apiFetch<TrustListAnswer>('/api/passport/trust'),
  trust: (entry: { issuer: string; odsCode: string; name: string }) => apiFetch<{ message: PassportMessage; entry: TrustedIssuer }>('/api/passport/trust', { body: entry }),
  distrust: (issuer: string) => apiFetch<{ message: PassportMessage; entry: TrustedIssuer }>(`/api/passport/trust?issuer=${encodeURIComponent(issuer)}`, { method: 'DELETE' }),
  issuedTo: (learnerId: string) => apiFetch<{ passports: PassportView[] }>(`/api/passport/issued/${encodeURIComponent(learnerId)}`),
  revoke: (passportId: string, reason: string) => apiFetch<{ message: PassportMessage; passport: PassportView }>(`/api/passport/${passportId}/revoke`, { body: { reason } }),
};

async function present(body: BodyInit, contentType: string, learnerId?: string): Promise<PresentAnswer> {
  const response = await fetch(`/api/passport/present${learnerId ? `/${encodeURIComponent(learnerId)}` : ''}`, {
    method: 'POST',
    headers: { Authorization: await authHeader(), Accept: 'application/json', 'Content-Type': contentType },
    body,
  });
  const data = (await response.json().catch(() => undefined)) as (PresentAnswer & { error?: { code?: string; message?: string } }) | undefined;
  if (data?.outcome) return data;
  throw new ApiProblem(response.status, data?.error?.code ?? 'http-error', data?.error?.message ?? `The server answered ${response.status}.`);
}

/** The whole message as one line, for a status bar. */
export const sentence = (message: PassportMessage) => `${message.title}. ${message.lines.join(' ')}`;
