import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { labelOf } from '../../../src-shared/common/labels';
import { opinionCategories, opinionStatuses } from '../../../src-shared/opinion/opinion';
import { representativeLevels } from '../../../src-shared/representative/representative';
import { useActor, useDatabase, useStationProfile } from '../../app/app-context';
import { useStationRepresentatives } from '../../app/use-reference-data';
import { useRxQueryResult } from '../../db/use-rx';
import { formatDate, formatDateWithWeekday, todayInStation } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n';
import { BackButton } from '../../ui/edit-page';
import { MaskedText } from '../../ui/masked-text';
import { PrintA4 } from '../../ui/print-a4';
import { timeSpan, useReceptionDay, useReceptionDayOpinions, useReceptionDayRepository } from './use-reception-days';

function BackToDay() {
  const { t } = useTranslation('reception-days');
  return <BackButton label={t('print.back')} to=".." />;
}

function useStationAddress(): string {
  const database = useDatabase();
  const { stationId } = useStationProfile();
  const station = useRxQueryResult(() => database.stations.findOne(stationId).$, [database, stationId]).value;
  return station?.address ?? '';
}

export function ReceptionDayNotice() {
  const { id = '' } = useParams();
  const { t } = useTranslation('reception-days');
  const locale = useLocale();
  const profile = useStationProfile();
  const actor = useActor();
  const day = useReceptionDay(id);
  const repository = useReceptionDayRepository();
  const representatives = useStationRepresentatives(true);
  const address = useStationAddress();
  if (!day) return <Spin />;
  const onDuty = day.representativeIds.map((rid) => representatives.byId.get(rid)).filter((r) => r !== undefined);

  return (
    <PrintA4
      documentName={`接待日公告-${day.date}`}
      toolbar={<BackToDay />}
      onPrinted={() => {
        if (day.status === 'planned') void repository.markAnnounced(day.id, actor);
      }}
    >
      <h1 style={{ textAlign: 'center', fontSize: '22pt', letterSpacing: '0.1em', margin: '0 0 24pt' }}>
        {t('print.noticeTitle')}
      </h1>
      <p style={{ textIndent: '2em', fontSize: '14pt' }}>{t('print.noticeIntro', { station: profile.stationName })}</p>
      <table className="print-table" style={{ fontSize: '13pt', margin: '12pt 0' }}>
        <tbody>
          <tr>
            <th style={{ width: '22%' }}>{t('print.date')}</th>
            <td>
              {formatDateWithWeekday(day.date, locale)} {timeSpan(day)}
            </td>
          </tr>
          <tr>
            <th>{t('print.place')}</th>
            <td>{day.place}</td>
          </tr>
          {day.topic ? (
            <tr>
              <th>{t('print.topic')}</th>
              <td>{day.topic}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <h2 style={{ fontSize: '15pt', margin: '18pt 0 8pt' }}>{t('print.onDuty')}</h2>
      <table className="print-table" style={{ fontSize: '12pt' }}>
        <thead>
          <tr>
            <th style={{ width: '18%' }}>{t('print.name')}</th>
            <th style={{ width: '24%' }}>{t('print.level')}</th>
            <th>{t('print.organization')}</th>
          </tr>
        </thead>
        <tbody>
          {onDuty.map((r) => (
            <tr key={r.id}>
              <td>{r.name}</td>
              <td>{labelOf(representativeLevels.labels, r.level, locale)}</td>
              <td>{r.organization ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ textIndent: '2em', fontSize: '14pt', marginTop: '18pt' }}>{t('print.closing')}</p>
      <div style={{ textAlign: 'right', fontSize: '14pt', marginTop: '36pt' }}>
        <div>{profile.stationName}</div>
        <div>{formatDate(todayInStation(), locale)}</div>
      </div>
      {address ? <p style={{ marginTop: '24pt', fontSize: '11pt' }}>{t('print.contact', { address })}</p> : null}
    </PrintA4>
  );
}

export function ReceptionDayRegister() {
  const { id = '' } = useParams();
  const { t } = useTranslation('reception-days');
  const locale = useLocale();
  const profile = useStationProfile();
  const day = useReceptionDay(id);
  const opinions = useReceptionDayOpinions(id);
  const representatives = useStationRepresentatives(true);
  if (!day) return <Spin />;
  const name = (rid: string) => representatives.byId.get(rid)?.name ?? '';
  const present = day.presentRepresentativeIds;

  return (
    <PrintA4 documentName={`接待登记表-${day.date}`} toolbar={<BackToDay />}>
      <h1 style={{ textAlign: 'center', fontSize: '18pt', margin: '0 0 12pt' }}>{t('print.registerTitle')}</h1>
      <p style={{ margin: '0 0 4pt' }}>{profile.stationName}</p>
      <p style={{ margin: '0 0 4pt' }}>
        {t('print.registerInfo', { date: formatDate(day.date, locale), time: timeSpan(day), place: day.place })}
      </p>
      <p style={{ margin: '0 0 4pt' }}>
        {present ? t('print.registerPresent', { names: present.map(name).join('、') }) : t('print.notHeldYet')}
      </p>
      {day.visitorCount !== undefined ? (
        <p style={{ margin: '0 0 8pt' }}>{t('print.registerVisitors', { count: day.visitorCount })}</p>
      ) : null}
      <table className="print-table">
        <thead>
          <tr>
            <th style={{ width: '6%' }}>{t('print.registerNo')}</th>
            <th style={{ width: '11%' }}>{t('print.registerVisitor')}</th>
            <th style={{ width: '15%' }}>{t('print.registerPhone')}</th>
            <th style={{ width: '13%' }}>{t('print.registerCategory')}</th>
            <th>{t('print.registerContent')}</th>
            <th style={{ width: '10%' }}>{t('print.registerRepresentative')}</th>
            <th style={{ width: '10%' }}>{t('print.registerStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {opinions.map((o, index) => (
            <tr key={o.id}>
              <td>{index + 1}</td>
              <td>
                <MaskedText value={o.visitor.name} kind="name" />
              </td>
              <td>{o.visitor.phone ? <MaskedText value={o.visitor.phone} kind="phone" /> : ''}</td>
              <td>{labelOf(opinionCategories.labels, o.category, locale)}</td>
              <td>{o.content}</td>
              <td>{name(o.representativeId)}</td>
              <td>{labelOf(opinionStatuses.labels, o.status, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ marginTop: '12pt', fontSize: '10pt' }}>{t('print.registerPrivacy')}</p>
      <p style={{ textAlign: 'right', marginTop: '18pt' }}>{t('print.registerSigned', { clerk: profile.clerkName })}</p>
    </PrintA4>
  );
}
