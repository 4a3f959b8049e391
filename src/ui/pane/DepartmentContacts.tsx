import { Badge, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { Interaction } from '../../core/model';
import { departmentContacts } from '../../core/relationship';
import { useI18n } from '../shell/I18nContext';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column' },
  themes: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The cross-department view: who in the municipality talks to this partner, about what. */
export function DepartmentContacts({ interactions, now }: { interactions: Interaction[]; now: Date }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const rows = departmentContacts(interactions, now);
  return (
    <section aria-labelledby="departments-title">
      <Subtitle2 as="h3" id="departments-title">
        {t('departments.title')}
      </Subtitle2>
      {rows.length === 0 ? (
        <Text className={styles.muted}>{t('departments.none')}</Text>
      ) : (
        <ul className={styles.list} data-testid="departments">
          {rows.map((row) => (
            <li key={row.department} className={styles.row}>
              <Text weight="semibold">{row.department}</Text>
              <Text size={200} className={styles.muted}>
                {t('departments.row', { count: row.count, date: date(row.lastDate), author: row.lastAuthor })}
              </Text>
              <span className={styles.themes}>
                {row.themes.slice(0, 4).map((theme) => (
                  <Badge key={theme} size="small" appearance="tint">
                    {theme}
                  </Badge>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
