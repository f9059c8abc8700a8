// The A4 print view of 人民调解协议书: the one place the parties' full personal data is shown; opening it is recorded.
import { Alert, Button, Result, Spin } from 'antd';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isDomainError } from '../../../src-shared/common/domain-error';
import { type MediationCase, type Party, partyRoles } from '../../../src-shared/mediation-case/mediation-case';
import { useActor, useStationProfile } from '../../app/app-context';
import { formatDate } from '../../i18n/format';
import i18n from '../../i18n/i18n';
import { PrintA4 } from '../../ui/print-a4';
import { useMediationRepository } from './use-mediation';
import { WithMediationCase } from './with-mediation-case';

export function AgreementPrint() {
  return <WithMediationCase>{(record) => <PrintView record={record} />}</WithMediationCase>;
}

const heading: CSSProperties = { fontWeight: 'bold', margin: '10pt 0 2pt' };
const paragraph: CSSProperties = { margin: 0, whiteSpace: 'pre-wrap', textIndent: '2em' };
const signatureLine: CSSProperties = { display: 'inline-block', minWidth: '40mm', borderBottom: '1px solid #000' };

function PrintView({ record }: { record: MediationCase }) {
  const { t } = useTranslation('mediation');
  const actor = useActor();
  const profile = useStationProfile();
  const repository = useMediationRepository();
  const [parties, setParties] = useState<Party[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revealed = useRef(false);
  // The signed document is always in Chinese, whatever the UI language.
  const zh = i18n.getFixedT('zh-CN', 'mediation');

  useEffect(() => {
    // Full personal data is shown only here, and each showing is recorded in the case's history.
    if (revealed.current || !record.agreement) return;
    revealed.current = true;
    repository
      .revealPersonalData(record.id, actor, zh('historyActions.printAgreement'))
      .then((values) => setParties(values.parties ?? []))
      .catch((e: unknown) => setError(isDomainError(e) ? e.message : String(e)));
  }, [record.id, record.agreement, repository, actor, zh]);

  const back = (
    <Link to={`/mediation/${record.id}`}>
      <Button>{t('print.back')}</Button>
    </Link>
  );
  const agreement = record.agreement;
  if (!agreement) return <Result status="info" title={t('print.noAgreement')} extra={back} />;
  if (error) return <Result status="error" title={error} extra={back} />;
  if (!parties) return <Spin />;

  const committee = zh('print.committee', { station: profile.stationName });
  const signedOn = formatDate(agreement.signedOn, 'zh-CN');
  const partyLine = (p: Party) =>
    [
      `${partyRoles.label(p.role, 'zh-CN')}：${p.name}`,
      p.idNumber ? `${zh('print.idNumber')}：${p.idNumber}` : null,
      p.phone ? `${zh('print.phone')}：${p.phone}` : null,
      p.address ? `${zh('print.address')}：${p.address}` : null,
    ]
      .filter(Boolean)
      .join('，');

  return (
    <div>
      <Alert className="no-print" type="warning" showIcon message={t('print.recorded')} style={{ marginBottom: 12 }} />
      <PrintA4 documentName={`人民调解协议书-${record.caseNumber}`} toolbar={back}>
        <h1 style={{ textAlign: 'center', fontSize: '20pt', letterSpacing: '4pt', margin: '0 0 4pt' }}>
          {zh('print.documentTitle')}
        </h1>
        <p style={{ textAlign: 'right', margin: '0 0 8pt' }}>{zh('print.number', { caseNumber: record.caseNumber })}</p>

        <p style={heading}>{zh('print.partiesHeading')}</p>
        {parties.map((p) => (
          <p key={`${p.role}-${p.name}`} style={{ margin: 0 }}>
            {partyLine(p)}
          </p>
        ))}

        <p style={heading}>{zh('print.factsHeading')}</p>
        <p style={paragraph}>{agreement.facts}</p>
        <p style={heading}>{zh('print.disputeItemsHeading')}</p>
        <p style={paragraph}>{agreement.disputeItems}</p>
        <p style={heading}>{zh('print.responsibilitiesHeading')}</p>
        <p style={paragraph}>{agreement.responsibilities}</p>
        <p style={heading}>{zh('print.agreedContentHeading')}</p>
        <p style={paragraph}>{agreement.agreedContent}</p>
        <p style={heading}>{zh('print.performanceHeading')}</p>
        <p style={paragraph}>{agreement.performanceMethod}</p>
        <p style={paragraph}>
          {zh('print.performanceDeadline', { date: formatDate(agreement.performanceDeadline, 'zh-CN') })}
        </p>
        <p style={{ ...paragraph, marginTop: '8pt' }}>{zh('print.closing')}</p>

        <div style={{ marginTop: '14pt', breakInside: 'avoid' }}>
          {parties.map((p) => (
            <p key={`sign-${p.role}-${p.name}`} style={{ margin: '10pt 0' }}>
              {zh('print.partySignature', { role: partyRoles.label(p.role, 'zh-CN') })}
              <span style={signatureLine} />
            </p>
          ))}
          <p style={{ margin: '10pt 0' }}>
            {zh('print.mediatorSignature')}
            <span style={signatureLine} />
          </p>
          <p style={{ textAlign: 'right', margin: '18pt 0 4pt' }}>{zh('print.committeeSeal', { committee })}</p>
          <p style={{ textAlign: 'right', margin: 0 }}>{zh('print.date', { date: signedOn })}</p>
        </div>
      </PrintA4>
    </div>
  );
}
