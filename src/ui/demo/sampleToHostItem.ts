import { sampleChatId } from '../../demo/attendance';
import type { SampleItem } from '../../demo/sampleMessages';
import type { HostItem } from '../../hosts/Host';

export function sampleToHostItem(sample: SampleItem): HostItem {
  return {
    kind: sample.kind,
    id: sample.id,
    subject: sample.subject,
    from: sample.from,
    to: sample.to,
    cc: sample.cc,
    organizer: sample.organizer,
    attendees: sample.attendees,
    date: sample.date,
    link: `https://outlook.office.com/mail/demo/${encodeURIComponent(sample.id)}`,
    // A meeting sample stands for a Teams meeting: its chat, as the emulator knows it (src/demo/attendance.ts).
    ...(sample.kind === 'meeting' ? { chatId: sampleChatId(sample.id) } : {}),
  };
}
