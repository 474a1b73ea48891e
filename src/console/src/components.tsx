import type { ComponentChildren } from 'preact';
import type { Answer } from './api';

interface PartnerFailure {
  errors?: Array<{ status?: string; code?: string; title?: string; detail?: string; source?: { pointer?: string; parameter?: string } }>;
}
interface AvevaFailure {
  OperationId?: string;
  Error?: string;
  Reason?: string;
  Resolution?: string;
}
interface OAuthFailure {
  error?: string;
  error_description?: string;
}

/** What went wrong, as the API said it: a readable summary of its error body, and the body itself. */
export function ApiErrorView({ answer }: { answer: Answer }) {
  const body = answer.body as (PartnerFailure & AvevaFailure & OAuthFailure) | string;
  const lines: string[] = [];
  if (typeof body === 'object' && body !== null) {
    for (const e of body.errors ?? []) lines.push([e.title, e.detail, e.source?.pointer ?? e.source?.parameter].filter(Boolean).join(' — '));
    if (body.Error) lines.push([body.Error, body.Reason, body.Resolution].filter(Boolean).join(' — '));
    if (body.error) lines.push([body.error, body.error_description].filter(Boolean).join(' — '));
  }
  return (
    <div class="api-error" role="alert">
      <strong>
        {answer.status === 0 ? 'Network error' : `${answer.status} ${answer.statusText}`}
      </strong>
      {lines.length > 0 && (
        <ul>
          {lines.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      )}
      {answer.status === 401 && <p>The access token was refused (it may have expired): sign out and sign in again.</p>}
      <details>
        <summary>Response body</summary>
        <pre>{answer.text || '(empty)'}</pre>
      </details>
    </div>
  );
}

export function Json({ value }: { value: unknown }) {
  return <pre class="json">{JSON.stringify(value, null, 2)}</pre>;
}

export function Panel({ title, actions, children }: { title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="panel">
      <header>
        <h2>{title}</h2>
        {actions && <div class="actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Badge({ value }: { value: string }) {
  return <span class={`badge badge-${value.toLowerCase()}`}>{value}</span>;
}

export const formatTime = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleString() : '—');
