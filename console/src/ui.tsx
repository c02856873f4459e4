/** Small pieces every view uses. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export function Json({ value, label }: { value: unknown; label: string }) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    <pre class="json" tabIndex={0} aria-label={label}>
      {text}
    </pre>
  );
}

/** Text that may be JSON: pretty-printed when it is. */
export function Body({ text, label }: { text: string; label: string }) {
  if (!text) return <p class="muted">(no body)</p>;
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // As sent.
  }
  return <Json value={shown} label={label} />;
}

export function ErrorNote({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" class="error">
      {error}
    </p>
  );
}

/** Runs an action, showing that it runs and what went wrong. */
export function useAction(): {
  busy: boolean;
  error: string | undefined;
  message: string | undefined;
  run: (f: () => Promise<unknown>, done?: string) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  return {
    busy,
    error,
    message,
    run: async (f, done) => {
      setBusy(true);
      setError(undefined);
      setMessage(undefined);
      try {
        await f();
        if (done) setMessage(done);
      } catch (err) {
        setError((err as Error).message);
      } finally {
        setBusy(false);
      }
    },
  };
}

export function Status({ message }: { message: string | undefined }) {
  return (
    <p role="status" class="status">
      {message ?? ''}
    </p>
  );
}

export function Section({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section>
      <div class="section-head">
        <h2>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Copies text, with a fallback where the clipboard API is refused. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
        } catch {
          const area = document.createElement('textarea');
          area.value = text;
          document.body.append(area);
          area.select();
          document.execCommand('copy');
          area.remove();
        }
        setDone(true);
        setTimeout(() => setDone(false), 1500);
      }}
    >
      {done ? 'Copied' : label}
    </button>
  );
}

export const statusClass = (status: number): string => (status === 0 ? 'st-dropped' : status >= 500 ? 'st-5xx' : status >= 400 ? 'st-4xx' : 'st-2xx');
