import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Fragment } from 'react';
import { ATTENTION_REASONS, type AttentionReason } from '../../core/overview';
import { useI18n } from '../shell/I18nContext';

/**
 * What a manager sees first: each reason that needs attention with its count, most pressing first, each
 * a button that opens the attention list filtered to it. Reasons with nothing to report are left out.
 * The links are subtle (neutral text, underlined): the brand colour is too faint on the warning bar in
 * the dark theme. Without `onOpen` (the first screen from the site's digest, before the lists it opens
 * have arrived) the counts are plain text.
 */
export function AttentionHeadline({ counts, onOpen }: { counts: Record<AttentionReason, number>; onOpen?(reason: AttentionReason): void }) {
  const { t, plural } = useI18n();
  const shown = ATTENTION_REASONS.filter((reason) => counts[reason] > 0);
  return (
    <MessageBar intent={shown.length > 0 ? 'warning' : 'success'} data-testid="overview-headline">
      <MessageBarBody>
        <MessageBarTitle>{t('overview.headlineLabel')}</MessageBarTitle>
        {shown.length === 0
          ? t('overview.headline.none')
          : shown.map((reason, i) => (
              <Fragment key={reason}>
                {i > 0 && ' · '}
                {onOpen ? (
                  <Link as="button" appearance="subtle" inline data-reason={reason} onClick={() => onOpen(reason)}>
                    {plural(`overview.headline.${reason}`, counts[reason])}
                  </Link>
                ) : (
                  plural(`overview.headline.${reason}`, counts[reason])
                )}
              </Fragment>
            ))}
      </MessageBarBody>
    </MessageBar>
  );
}
