const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/**
 * Whether the text is one email address. A module of its own, without detection: the write queue
 * (through the agenda's owner rule) needs it at start-up, before the public suffix list is loaded.
 */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value.trim());
}
