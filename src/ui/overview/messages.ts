import type { Message } from '../../core/overview';
import type { MessageKey } from '../shell/I18nContext';
import { useI18n } from '../shell/I18nContext';

/** Says a core message in the reader's language; a parameter named `date` is an ISO date to format. */
export function useMessage(): (message: Message) => string {
  const { t, date } = useI18n();
  return (message) => {
    const params = { ...(message.params ?? {}) };
    if (typeof params.date === 'string') params.date = date(params.date);
    return t(message.key as MessageKey, params);
  };
}

/** Offers text as a file download (CSV/JSON exports); nothing leaves the browser. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
