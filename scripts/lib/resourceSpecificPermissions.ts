/**
 * Which type (Delegated, Application) each resource-specific permission exists in, so `npm run
 * validate` refuses a declaration Teams or Outlook would not grant. Copied from Microsoft's tables:
 * - Teams RSC: "Resource-specific consent for your Teams app", sections "RSC permissions for a team",
 *   "... for a chat or meeting" and "... for user access"
 *   (https://learn.microsoft.com/microsoftteams/platform/graph-api/rsc/resource-specific-consent);
 * - Outlook: "Understanding Outlook add-in permissions" (the four mailbox levels), "Implement shared
 *   folders and shared mailbox scenarios" (`Mailbox.SharedFolder`) and "Implement append-on-send"
 *   (`Mailbox.AppendOnSend.User`), each declared with type Delegated there.
 * A name missing here is reported as unknown: add it with its documented type, not a guess.
 */
export type PermissionType = 'Delegated' | 'Application';

const DELEGATED: PermissionType[] = ['Delegated'];
const APPLICATION: PermissionType[] = ['Application'];
const BOTH: PermissionType[] = ['Delegated', 'Application'];

const TEAM: Record<string, PermissionType[]> = {
  'Channel.Create.Group': APPLICATION,
  'Channel.Delete.Group': APPLICATION,
  'ChannelMeeting.ReadBasic.Group': APPLICATION,
  'ChannelMeetingParticipant.Read.Group': APPLICATION,
  'ChannelMeetingRecording.Read.Group': APPLICATION,
  'ChannelMeetingTranscript.Read.Group': APPLICATION,
  'ChannelMeetingNotification.Send.Group': APPLICATION,
  'ChannelMessage.Read.Group': APPLICATION,
  'ChannelMessage.Send.Group': APPLICATION,
  'ChannelSettings.Read.Group': APPLICATION,
  'ChannelSettings.ReadWrite.Group': APPLICATION,
  'TeamsActivity.Send.Group': APPLICATION,
  'TeamsAppInstallation.Read.Group': APPLICATION,
  'TeamMember.Read.Group': APPLICATION,
  'TeamSettings.Read.Group': APPLICATION,
  'TeamSettings.ReadWrite.Group': APPLICATION,
  'TeamsTab.Create.Group': APPLICATION,
  'TeamsTab.Delete.Group': APPLICATION,
  'TeamsTab.Read.Group': APPLICATION,
  'TeamsTab.ReadWrite.Group': APPLICATION,
  'ChannelMeetingActiveSpeaker.Read.Group': DELEGATED,
  'ChannelMeetingAudioVideo.Stream.Group': DELEGATED,
  'ChannelMeetingIncomingAudio.Detect.Group': DELEGATED,
  'ChannelMeetingStage.Write.Group': DELEGATED,
  'InAppPurchase.Allow.Group': DELEGATED,
  'LiveShareSession.ReadWrite.Group': DELEGATED,
  'MeetingParticipantReaction.Read.Group': DELEGATED,
};

const CHAT_OR_MEETING: Record<string, PermissionType[]> = {
  'Calls.AccessMedia.Chat': APPLICATION,
  'Calls.JoinGroupCalls.Chat': APPLICATION,
  'ChatSettings.Read.Chat': APPLICATION,
  'ChatSettings.ReadWrite.Chat': APPLICATION,
  'ChatMessage.Read.Chat': APPLICATION,
  'ChatMessageReadReceipt.Read.Chat': APPLICATION,
  'ChatMember.Read.Chat': APPLICATION,
  'Chat.Manage.Chat': APPLICATION,
  'TeamsTab.Read.Chat': APPLICATION,
  'TeamsTab.Create.Chat': APPLICATION,
  'TeamsTab.Delete.Chat': APPLICATION,
  'TeamsTab.ReadWrite.Chat': APPLICATION,
  'TeamsAppInstallation.Read.Chat': APPLICATION,
  'TeamsActivity.Send.Chat': APPLICATION,
  'OnlineMeetingTranscript.Read.Chat': APPLICATION,
  'OnlineMeeting.ReadBasic.Chat': APPLICATION,
  'OnlineMeetingRecording.Read.Chat': APPLICATION,
  'OnlineMeetingNotification.Send.Chat': APPLICATION,
  'InAppPurchase.Allow.Chat': DELEGATED,
  'LiveShareSession.ReadWrite.Chat': DELEGATED,
  'MeetingStage.Write.Chat': DELEGATED,
  'MeetingParticipantReaction.Read.Chat': DELEGATED,
  'OnlineMeetingIncomingAudio.Detect.Chat': DELEGATED,
  'OnlineMeetingActiveSpeaker.Read.Chat': DELEGATED,
  'OnlineMeetingAudioVideo.Stream.Chat': DELEGATED,
  'OnlineMeetingParticipant.Read.Chat': BOTH,
  'OnlineMeetingParticipant.ToggleIncomingAudio.Chat': DELEGATED,
};

const USER: Record<string, PermissionType[]> = {
  'CameraStream.Read.User': DELEGATED,
  'InAppPurchase.Allow.User': DELEGATED,
  'MicrophoneStream.Read.User': DELEGATED,
  'MeetingParticipantReaction.Read.User': DELEGATED,
  'OutgoingVideoStream.Write.User': DELEGATED,
  'TeamsActivity.Send.User': APPLICATION,
  'TeamsAppInstallation.Read.User': APPLICATION,
};

const OUTLOOK: Record<string, PermissionType[]> = {
  'MailboxItem.Restricted.User': DELEGATED,
  'MailboxItem.Read.User': DELEGATED,
  'MailboxItem.ReadWrite.User': DELEGATED,
  'Mailbox.ReadWrite.User': DELEGATED,
  'Mailbox.SharedFolder': DELEGATED,
  'Mailbox.AppendOnSend.User': DELEGATED,
};

export const DOCUMENTED_PERMISSION_TYPES: Readonly<Record<string, readonly PermissionType[]>> = { ...TEAM, ...CHAT_OR_MEETING, ...USER, ...OUTLOOK };

/** Problems with one declaration: a name Microsoft does not document, or a type it does not exist in. */
export function permissionProblems(permission: { name: string; type: string }): string[] {
  const types = DOCUMENTED_PERMISSION_TYPES[permission.name];
  if (!types) return [`${permission.name} is not a documented resource-specific or Office permission`];
  return types.includes(permission.type as PermissionType) ? [] : [`${permission.name} exists only as ${types.join(' and ')}, not ${permission.type}`];
}
