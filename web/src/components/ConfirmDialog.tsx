import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

export interface ConfirmRequest {
  title: string;
  /** What will happen, one point a line. */
  points: string[];
  /** A warning shown above the points (e.g. tasks still empty). */
  warning?: string | null;
  confirmLabel: string;
}

/**
 * Consequential steps ask first and say what will happen. `ask()` opens a modal dialog (the
 * native `<dialog>`: focus kept inside, Esc cancels) and resolves to the user's answer; the
 * confirm button has focus, so Enter confirms.
 */
export function useConfirm(): [ReactNode, (req: ConfirmRequest) => Promise<boolean>] {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const ask = useCallback(
    (req: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setRequest(req);
      }),
    [],
  );
  const answer = useCallback((ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setRequest(null);
  }, []);
  const element = request ? <ConfirmDialog request={request} onAnswer={answer} /> : null;
  return [element, ask];
}

function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest; onAnswer(ok: boolean): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    confirmRef.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id="confirm-title">{request.title}</h2>
      {request.warning && (
        <p className="alert alert-warning" role="alert">
          {request.warning}
        </p>
      )}
      <ul>
        {request.points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => onAnswer(false)}>
          {t('ui.cancel')}
        </button>
        <button type="button" className="primary" ref={confirmRef} onClick={() => onAnswer(true)}>
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
