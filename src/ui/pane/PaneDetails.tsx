import { Divider } from '@fluentui/react-components';
import type { Interaction } from '../../core/model';
import { AgendaList, type AgendaListProps } from './AgendaList';
import { DepartmentContacts } from './DepartmentContacts';
import { NoteForm, type NoteFormProps } from './NoteForm';
import { Timeline } from './Timeline';
import type { NoteActions, TimelineEntry } from './timelineEntries';

/**
 * Everything of the pane below the relationship card: the note form, the departments in touch, the
 * collaboration agenda and the timeline. Lazily loaded by PartnerPane, so its code (forms, dropdowns)
 * is evaluated after the card is on screen.
 */
export default function PaneDetails(props: {
  noteForm?: NoteFormProps;
  interactions: Interaction[];
  now: Date;
  agenda: AgendaListProps;
  timeline: { entries: TimelineEntry[]; actions?: NoteActions };
}) {
  return (
    <>
      {props.noteForm && <NoteForm {...props.noteForm} />}
      <Divider />
      <DepartmentContacts interactions={props.interactions} now={props.now} />
      <AgendaList {...props.agenda} />
      <Timeline entries={props.timeline.entries} actions={props.timeline.actions} />
    </>
  );
}
