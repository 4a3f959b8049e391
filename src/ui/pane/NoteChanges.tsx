import { Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Textarea, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Interaction } from '../../core/model';
import { editedInteraction, interactionToDraft } from '../../core/noteDraft';
import { mayEdit, mayWithdraw, validateWithdrawal, withdrawnInteraction } from '../../core/notes';
import { useI18n } from '../shell/I18nContext';
import { NoteForm } from './NoteForm';
import type { NoteActions, TimelineEntry } from './timelineEntries';
import { useStoredDraft } from './useStoredDraft';

export type ChangeMode = 'edit' | 'withdraw';

/** Drafts of corrections and withdrawals are kept under these keys, by the note's client id. */
const DRAFT_PREFIX: Record<ChangeMode, string> = { edit: 'edit:', withdraw: 'withdraw:' };

/** The notes with a correction or withdrawal still being typed, from the official's drafts. */
export function storedChanges(drafts: { key: string }[]): Map<string, ChangeMode> {
  const open = new Map<string, ChangeMode>();
  for (const { key } of drafts) {
    for (const mode of ['edit', 'withdraw'] as const) if (key.startsWith(DRAFT_PREFIX[mode])) open.set(key.slice(DRAFT_PREFIX[mode].length), mode);
  }
  return open;
}

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  grow: { alignSelf: 'stretch' },
  current: { ...typographyStyles.caption1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
});

/**
 * What the author can do with their own note in the timeline: correct it, withdraw it with a reason,
 * and, when someone saved another version first (412), see that version and choose again. Nothing
 * the author typed is lost on the way: drafts are kept until sent, and a refused version stays in the
 * write queue until they choose.
 */
export function NoteChanges({ entry, actions, reopen }: { entry: TimelineEntry; actions: NoteActions; reopen?: ChangeMode }) {
  const { t } = useI18n();
  const styles = useStyles();
  const edit = !entry.writeState && mayEdit(entry, actions.official);
  const withdraw = !entry.writeState && mayWithdraw(entry, actions.official);
  const [mode, setMode] = useState<ChangeMode | undefined>();
  const reopens = (reopen === 'edit' && edit) || (reopen === 'withdraw' && withdraw);
  useEffect(() => {
    if (reopens) setMode(reopen);
  }, [reopens, reopen]);
  // Focus goes back to the button that opened a form when the form closes.
  const editButton = useRef<HTMLButtonElement>(null);
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    const opener = mode === 'withdraw' ? withdrawButton : editButton;
    setMode(undefined);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const conflict = entry.writeState === 'conflict' ? entry.conflict : undefined;
  // A new version is sent with If-Match on the version saved now: the official has seen it.
  const base: Interaction = conflict ? { ...entry, withdrawn: undefined, etag: conflict.etag } : entry;

  if (mode === 'edit') return <NoteEditor base={base} actions={actions} onDone={close} />;
  if (mode === 'withdraw') return <WithdrawForm base={base} reason={entry.withdrawn?.reason} actions={actions} onDone={close} />;
  if (entry.writeState === 'conflict') return <ConflictChoice entry={entry} conflict={conflict} actions={actions} onAdjust={() => setMode(entry.withdrawn ? 'withdraw' : 'edit')} />;
  if (!edit && !withdraw) return null;
  return (
    <div className={styles.actions}>
      {edit && (
        <Button ref={editButton} size="small" appearance="subtle" onClick={() => setMode('edit')} aria-label={`${t('note.edit')}: ${entry.title}`} data-testid="note-edit">
          {t('note.edit')}
        </Button>
      )}
      {withdraw && (
        <Button ref={withdrawButton} size="small" appearance="subtle" onClick={() => setMode('withdraw')} aria-label={`${t('note.withdraw')}: ${entry.title}`} data-testid="note-withdraw">
          {t('note.withdraw')}
        </Button>
      )}
    </div>
  );
}

/** The note form, filled with the note as it stands, saving the author's correction through the queue. */
function NoteEditor({ base, actions, onDone }: { base: Interaction; actions: NoteActions; onDone(): void }) {
  const { t } = useI18n();
  const { draft, saved, change, clear } = useStoredDraft(actions.drafts, DRAFT_PREFIX.edit + base.clientId, () => interactionToDraft(base));
  if (!draft) return null;
  return (
    <NoteForm
      heading={t('note.edit.title')}
      itemKind={base.kind === 'email' ? 'email' : 'meeting'}
      draft={draft}
      draftSaved={saved}
      departments={actions.departments}
      themes={actions.themes}
      onChange={change}
      onSubmit={(corrected) => void actions.save(editedInteraction(base, corrected, actions.official, actions.now())).then(clear).then(onDone)}
      edit={{ submitLabel: t('note.edit.submit'), onCancel: () => void clear().then(onDone) }}
    />
  );
}

/** Withdrawing asks why: the note stays on record with the reason, and no longer counts as a contact. */
function WithdrawForm({ base, reason, actions, onDone }: { base: Interaction; reason?: string; actions: NoteActions; onDone(): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { draft, change, clear } = useStoredDraft(actions.drafts, DRAFT_PREFIX.withdraw + base.clientId, () => ({ reason: reason ?? '' }));
  const [tried, setTried] = useState(false);
  if (!draft) return null;
  const problem = tried ? validateWithdrawal(draft.reason) : undefined;
  const label = t('note.withdraw.reason');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (validateWithdrawal(draft.reason)) return;
    void actions.save(withdrawnInteraction(base, draft.reason, actions.official, actions.now())).then(clear).then(onDone);
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="note-withdraw-form">
      <Field
        className={styles.grow}
        label={label}
        required
        hint={t('note.withdraw.hint')}
        validationState={problem ? 'error' : undefined}
        validationMessage={problem && (problem.problem === 'too-long' ? t('error.tooLong', { field: label, max: problem.max ?? 0 }) : t('error.required', { field: label }))}
      >
        <Textarea autoFocus value={draft.reason} onChange={(_, d) => change({ reason: d.value })} resize="vertical" rows={2} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          {t('note.withdraw.submit')}
        </Button>
        <Button onClick={() => void clear().then(onDone)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

/** Someone saved another version first: it is shown, and the author chooses again; their own version waits in the queue meanwhile. */
function ConflictChoice({ entry, conflict, actions, onAdjust }: { entry: TimelineEntry; conflict?: Interaction; actions: NoteActions; onAdjust(): void }) {
  const { t, rich, dateTime } = useI18n();
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="note-conflict">
      <MessageBarBody>
        <p className={styles.current}>{t('note.conflict.title')}</p>
        {conflict && (
          <>
            <p className={styles.current}>{t('note.conflict.current')}</p>
            <p className={styles.current} dir="auto" data-testid="note-conflict-title">
              {conflict.title}
            </p>
            {conflict.summary && (
              <p className={styles.current} dir="auto" data-testid="note-conflict-summary">
                {conflict.summary}
              </p>
            )}
            {conflict.edited && <p className={styles.current}>{rich('timeline.edited', { name: <bdi>{conflict.edited.byName}</bdi>, when: dateTime(conflict.edited.at) })}</p>}
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {conflict && <Button onClick={() => void actions.retry(entry.clientId, { keepMine: true })}>{t('note.conflict.keepMine')}</Button>}
        {conflict && <Button onClick={onAdjust}>{t('note.conflict.editMine')}</Button>}
        <Button onClick={() => void actions.discard(entry.clientId)}>{t('note.conflict.takeSaved')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
