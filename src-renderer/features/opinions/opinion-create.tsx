import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useStationRepresentatives } from '../../app/use-reference-data';
import { EditPage } from '../../ui/edit-page';
import { OpinionIntakeForm } from '../../ui/opinion-intake-form';
import { useUnsavedChangesGuard } from '../../ui/unsaved-changes-guard';

export function OpinionCreate() {
  const { t } = useTranslation('opinions');
  const navigate = useNavigate();
  const representatives = useStationRepresentatives();
  const [dirty, setDirty] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);
  useUnsavedChangesGuard(dirty);

  // Navigate only after the guard saw the form become clean.
  useEffect(() => {
    if (savedId && !dirty) navigate(`../${savedId}`, { replace: true });
  }, [savedId, dirty, navigate]);

  return (
    <EditPage back={{ label: t('detail.back'), to: '..' }} title={t('createTitle')}>
      <OpinionIntakeForm
        mode="full"
        representatives={representatives.items}
        onDirtyChange={setDirty}
        onSaved={(opinion) => {
          setDirty(false);
          setSavedId(opinion.id);
        }}
      />
    </EditPage>
  );
}
