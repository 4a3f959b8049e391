import type { Message } from '../../core/overview';
import { useI18n } from '../shell/I18nContext';

/** Says a core message in the reader's language (see `I18n.say`). */
export function useMessage(): (message: Message) => string {
  return useI18n().say;
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
