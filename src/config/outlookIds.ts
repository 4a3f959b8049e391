/**
 * Outlook control, action and function ids, shared by both manifests (src/config/manifests.ts) and
 * the event runtime (src/events), which names a compose button in its notification's action. A file
 * of its own so the event runtime bundles these few strings and nothing of the manifest generator.
 */
export const OUTLOOK_IDS = {
  runtime: 'PartnerzichtPane',
  messageAction: 'openPaneMessage',
  appointmentAction: 'openPaneAppointment',
  messageGroup: 'partnerzichtMsgRead',
  messageButton: 'partnerzichtMsgReadButton',
  /** The compose buttons: the notification's "open Partnerzicht" action names them (`commandId`), so both manifests use these ids. */
  composeGroup: 'partnerzichtMsgCompose',
  composeButton: 'partnerzichtMsgComposeButton',
  appointmentGroup: 'partnerzichtAppt',
  appointmentButton: 'partnerzichtApptButton',
  /** The event runtime (src/events): its page, and one function per launch event. */
  eventRuntime: 'PartnerzichtEvents',
  recipientsChanged: 'onRecipientsChanged',
  attendeesChanged: 'onAttendeesChanged',
} as const;

/** The control id the compose notification's action opens: `…Att`/`…Org` are the XML ids, and the unified manifest uses the same. */
export const COMPOSE_COMMAND_IDS = {
  message: OUTLOOK_IDS.composeButton,
  appointment: `${OUTLOOK_IDS.appointmentButton}Org`,
} as const;

