import { Combobox, Field, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { RegisterPartner } from '../../core/model';
import { searchPartners } from '../../core/partnerSearch';
import { useI18n } from '../shell/I18nContext';

const NONE = '__none__';

/** "Kies een partner": any partner of the register by name, or none. */
export function PartnerPicker({ partners, selectedId, onChoose }: { partners: RegisterPartner[]; selectedId: string | undefined; onChoose(partnerId: string | undefined): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const options = useMemo(() => searchPartners(partners, query), [partners, query]);
  const selectedName = partners.find((p) => p.id === selectedId)?.name ?? '';
  return (
    <Field label={t('detect.choose')} size="small">
      <Combobox
        size="small"
        data-testid="partner-picker"
        placeholder={selectedName || t('detect.chooseNone')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, d) => {
          setQuery('');
          onChoose(d.optionValue === NONE ? undefined : d.optionValue);
        }}
        selectedOptions={[selectedId ?? NONE]}
      >
        <Option value={NONE}>{t('detect.chooseNone')}</Option>
        {options.map((p) => (
          <Option key={p.id} value={p.id}>
            {p.name}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
