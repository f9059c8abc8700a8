// The mediation case of the route's `:id`, once loaded: its pages (detail, agreement, print) render through this.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { MediationCase } from '../../../src-shared/mediation-case/mediation-case';
import { loadedRecord, RecordLoader } from '../../ui/record-loader';
import { useMediationCase } from './use-mediation';

/** `withBack`: the not-found page offers the way back to the list. */
export function WithMediationCase({
  withBack = false,
  children,
}: {
  withBack?: boolean;
  children: (record: MediationCase) => ReactNode;
}) {
  const { id = '' } = useParams();
  const { t } = useTranslation('mediation');
  const result = useMediationCase(id);
  return (
    <RecordLoader
      record={loadedRecord(result)}
      notFound={t('detail.notFound')}
      back={withBack ? { label: t('detail.back'), to: '/mediation' } : undefined}
    >
      {children}
    </RecordLoader>
  );
}
