// The 调解案件 section: list, register, case page, agreement form and the A4 print view, as nested routes.
import { Route, Routes } from 'react-router';
import { AgreementForm } from './agreement-form';
import { AgreementPrint } from './agreement-print';
import { MediationCaseDetail } from './mediation-case-detail';
import { MediationCaseForm } from './mediation-case-form';
import { MediationList } from './mediation-list';

export default function MediationPage() {
  return (
    <Routes>
      <Route index element={<MediationList />} />
      <Route path="new" element={<MediationCaseForm />} />
      <Route path=":id" element={<MediationCaseDetail />} />
      <Route path=":id/edit" element={<MediationCaseForm />} />
      <Route path=":id/agreement" element={<AgreementForm />} />
      <Route path=":id/print" element={<AgreementPrint />} />
    </Routes>
  );
}
